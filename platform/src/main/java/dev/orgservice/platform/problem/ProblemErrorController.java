package dev.orgservice.platform.problem;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.web.CorrelationId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), reached outside Spring MVC and so outside {@link ProblemAdvice}
 * (an error status sent by a filter, or an exception that escapes before the correlation filter, which answers the
 * others itself): answered as a problem too, instead of Spring Boot's own error JSON (which it replaces). Nothing of
 * an exception is shown.
 * What Tomcat refuses before the application runs is answered by {@link ProblemErrorReportValve}. Not an endpoint of the
 * API: hidden from its OpenAPI document.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ErrorCode code = ProblemAdvice.codeFor(HttpStatusCode.valueOf(status));
        ProblemDetail problem = Problems.of(code, code.title(),
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        // the filter that put the id into the log context has cleared it by now; the response still carries it
        String correlationId = response.getHeader(CorrelationId.HEADER);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ProblemAdvice.respond(problem);
    }
}

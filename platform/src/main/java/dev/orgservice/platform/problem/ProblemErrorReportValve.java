package dev.orgservice.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.web.CorrelationId;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tomcat's error page for what it refuses before any filter or servlet runs: a header that breaks RFC 9110 (a
 * control character in it), an encoded slash or NUL in the path, a {@code TRACE}. Written as a problem with a
 * correlation id, like every other error, instead of Tomcat's HTML page. Errors that reach the application are
 * answered by {@link ProblemAdvice} and {@link ProblemErrorController}; this valve writes only when nothing else did.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ProblemAdvice.codeFor(HttpStatusCode.valueOf(status));
        String correlationId = response.getHeader(CorrelationId.HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationId.HEADER, correlationId);
        }
        // the members of Problems.of, written by hand: that one parses the path as a URI, and this request's path
        // may be exactly what Tomcat refused as malformed
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.type().toString());
        problem.put("title", code.title());
        problem.put("status", status);
        problem.put("detail", "The server refused the request before reading it: " + code.title().toLowerCase(Locale.ROOT));
        problem.put("instance", request.getDecodedRequestURI());
        problem.put("correlationId", correlationId);
        log.info("Refused before the application: {} {} (correlation id {})", status, request.getRequestURI(),
                correlationId);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response is committed: nothing more to tell the client
        }
    }
}

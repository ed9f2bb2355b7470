package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/**
 * Spring's CORS checks, with a refused cross-origin request (an origin, method or header not allowed) answered as a
 * {@code 403 forbidden} problem like every other error: Spring wrote a bare "Invalid CORS request" text.
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ObjectMapper json;

    ProblemCorsProcessor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        json.writeValue(response.getBody(), Problems.of(ErrorCode.FORBIDDEN,
                "This cross-origin request is not allowed: its origin, method or a header is not in the CORS "
                        + "configuration (ORG_CORS_ALLOWED_ORIGINS)", null));
        response.flush();
    }
}

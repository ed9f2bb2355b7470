package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies larger than the limit with a 413 problem before anything reads them: imports may be
 * large ({@code org.http.max-import-body-bytes}), everything else is small ({@code org.http.max-body-bytes}).
 * Tomcat's max-swallow-size bounds what it reads of a refused body; chunked bodies are bounded by
 * {@code server.tomcat.max-http-form-post-size} and the same limit in Tomcat (see docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxImportBody;
    private final ObjectMapper json;

    public RequestSizeLimitFilter(@Value("${org.http.max-body-bytes:262144}") long maxBody,
                                  @Value("${org.http.max-import-body-bytes:8388608}") long maxImportBody,
                                  ObjectMapper json) {
        this.maxBody = maxBody;
        this.maxImportBody = maxImportBody;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/import") ? maxImportBody : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), Problems.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body has " + declared + " bytes; at most " + limit + " are accepted here",
                    request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }
}

package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;

/**
 * Refuses request bodies larger than the limit with a 413 problem: imports may be large
 * ({@code org.http.max-import-body-bytes}), everything else is small ({@code org.http.max-body-bytes}). A declared
 * {@code Content-Length} over the limit is refused before anything reads the body; a body without one (chunked) is
 * read through a counter that fails past the limit ({@link BodyTooLargeException}), so that no client can make the
 * service parse an unbounded body into memory. Tomcat's max-swallow-size bounds what it reads of a refused body.
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
        // the imports are POSTs; the decoded path, as Spring MVC matches it
        long limit = "POST".equals(request.getMethod())
                && UrlPathHelper.defaultInstance.getPathWithinApplication(request).endsWith("/import")
                ? maxImportBody : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            SecurityHeaders.addTo(response); // answered before Spring Security's filters, which write them otherwise
            json.writeValue(response.getOutputStream(), Problems.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body has " + declared + " bytes; at most " + limit + " are accepted here",
                    request.getRequestURI()));
            return;
        }
        chain.doFilter(declared < 0 ? new LimitedBody(request, limit) : request, response);
    }

    /** The request with its body cut off at {@code limit} bytes. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}

package dev.orgservice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers that fit Tomcat's buffer (8 KiB) leave in one write, with their {@code Content-Length}. Spring's message
 * converter flushes the body it has written (Jackson, then the converter itself, then the response for a
 * {@code ResponseEntity}), and a flush commits the response:
 * the headers and the body went out in one write and the closing chunk in another, so each answer woke the client
 * twice. Here a flush before the end of the request does nothing; Tomcat still sends what outgrows its buffer as it
 * comes, and at the end sends the rest. No endpoint streams a long answer that a client must see early.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OneWriteAnswers extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushesAtTheEnd(response));
    }

    private static final class FlushesAtTheEnd extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        FlushesAtTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedStream(super.getOutputStream());
            }
            return body;
        }

        @Override
        public void flushBuffer() {
            // Spring flushes every ResponseEntity's answer this way too (HttpEntityMethodProcessor)
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream container;

        UnflushedStream(ServletOutputStream container) {
            this.container = container;
        }

        @Override
        public void write(int b) throws IOException {
            container.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            container.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // the container sends the answer when the request ends (or when its buffer is full)
        }

        @Override
        public void close() throws IOException {
            container.close();
        }

        @Override
        public boolean isReady() {
            return container.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            container.setWriteListener(listener);
        }
    }
}

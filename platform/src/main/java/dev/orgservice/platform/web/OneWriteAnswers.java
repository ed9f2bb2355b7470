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
 * twice. Here a flush does nothing while the answer still fits the buffer: Tomcat sends it when the request ends.
 * An answer that outgrew the buffer has gone out in chunks already, and its flushes pass as before: with every flush
 * held back, the 1,340-unit subtree measured 4.50 and 4.75 ms at one client against 4.22 ms without this filter
 * (docs/benchmark-log.md, thirty-fifth run), no mechanism found, so large answers are left as they were.
 * <p>
 * So a small answer is not committed by a flush ({@code isCommitted()} stays false until the request ends): an
 * endpoint that must push a small answer early (server-sent events, a stream) would need to be left out here. There
 * is none.
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

        private UnflushedStream body;

        FlushesAtTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedStream(super.getOutputStream(), getBufferSize());
            }
            return body;
        }

        /** Spring flushes every {@code ResponseEntity}'s answer this way too ({@code HttpEntityMethodProcessor}). */
        @Override
        public void flushBuffer() throws IOException {
            if (body != null && body.outgrewTheBuffer()) {
                super.flushBuffer();
            }
        }

        /** An error answer after a part of a body (DispatcherServlet, CorrelationIdFilter) starts the count again. */
        @Override
        public void resetBuffer() {
            super.resetBuffer();
            if (body != null) {
                body.discarded();
            }
        }

        @Override
        public void reset() {
            super.reset();
            if (body != null) {
                body.discarded();
            }
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream container;
        private final int bufferSize;
        private long written;

        UnflushedStream(ServletOutputStream container, int bufferSize) {
            this.container = container;
            this.bufferSize = bufferSize;
        }

        boolean outgrewTheBuffer() {
            return written > bufferSize;
        }

        void discarded() {
            written = 0;
        }

        @Override
        public void write(int b) throws IOException {
            container.write(b);
            written++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            container.write(bytes, offset, length);
            written += length;
        }

        @Override
        public void flush() throws IOException {
            if (outgrewTheBuffer()) {
                container.flush();
            }
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

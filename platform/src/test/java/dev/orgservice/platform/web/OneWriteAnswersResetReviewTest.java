package dev.orgservice.platform.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of OneWriteAnswers on a real Tomcat (raw socket, so Content-Length and Transfer-Encoding are visible).
 * Proves that the filter's byte count is not reset with the container's buffer ({@code resetBuffer()}, as
 * Spring's DispatcherServlet and CorrelationIdFilter do before writing an error answer): a small answer written
 * after a discarded partial one of a few KiB is flushed as if it had outgrown the buffer, and leaves chunked
 * instead of in one write with its Content-Length.
 * The first test passes (control); the second fails on the current code (Transfer-Encoding: chunked).
 */
class OneWriteAnswersResetReviewTest {

    private static Tomcat tomcat;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("one-write-review").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        FilterDef filter = new FilterDef();
        filter.setFilterName("one-write");
        filter.setFilter(new OneWriteAnswers());
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName("one-write");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        Tomcat.addServlet(context, "answers", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                byte[] partial = new byte[Integer.parseInt(request.getParameter("partial"))];
                Arrays.fill(partial, (byte) 'a');
                response.getOutputStream().write(partial);
                // a failure after part of the answer was written: the error answer replaces it
                response.resetBuffer();
                response.setContentType("application/problem+json");
                response.getOutputStream().write("{\"status\":500}".getBytes(StandardCharsets.UTF_8));
                response.getOutputStream().flush();
                response.flushBuffer();
            }
        });
        context.addServletMappingDecoded("/*", "answers");
        tomcat.getConnector();
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void anErrorAnswerAfterASmallDiscardedPartLeavesInOneWrite() throws Exception {
        String headers = headers("/x?partial=100");
        assertThat(headers).contains("Content-Length: 14").doesNotContain("Transfer-Encoding");
    }

    @Test
    void anErrorAnswerAfterALargerDiscardedPartLeavesInOneWriteToo() throws Exception {
        // 8,190 discarded bytes never left (the buffer holds 8,192); the 14-byte answer fits the buffer alone
        String headers = headers("/x?partial=8190");
        assertThat(headers).contains("Content-Length: 14").doesNotContain("Transfer-Encoding");
    }

    private static String headers(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            return text.substring(0, text.indexOf("\r\n\r\n"));
        }
    }
}

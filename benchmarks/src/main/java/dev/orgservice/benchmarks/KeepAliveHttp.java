package dev.orgservice.benchmarks;

import dev.orgservice.platform.testing.Http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One load client's HTTP/1.1 connection, kept alive and used from one thread, as load generators such as wrk
 * hold theirs: a request is written and its answer read on the caller's thread. The JDK's {@code HttpClient}
 * hands every exchange to its selector and executor threads; on two cores those hand-offs and threads were part
 * of every measured request (docs/benchmarks.md compares both on the same floors). The server side is the
 * same: real HTTP into Tomcat, security and tenant context on.
 */
final class KeepAliveHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(int port) {
        this.port = port;
    }

    Http.Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Http.Response post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    Http.Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body);
    }

    Http.Response send(String method, String path, String token, String body) {
        try {
            connectIfClosed();
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: localhost:").append(port)
                    .append("\r\nAccept: application/json, application/problem+json\r\n");
            if (token != null) {
                request.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length)
                        .append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private void connectIfClosed() throws IOException {
        if (socket == null) {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private Http.Response readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunkedBody();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Http.Response(code, headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // no trailers are expected; read past any
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt(extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection we no longer use
            }
            socket = null;
        }
    }
}

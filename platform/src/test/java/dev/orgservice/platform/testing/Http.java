package dev.orgservice.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for tests: real requests over the socket, as an API user sends them. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Http onPort(int port) {
        return new Http("http://localhost:" + port);
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }

        public long position() {
            return json().path("position").asLong(-1);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response put(String path, String token, String body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        return exchange(method, path, token, body == null ? null : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    /** A body of bytes as they are (a text in another charset than UTF-8); headers name its Content-Type. */
    public Response sendBytes(String method, String path, String token, byte[] body, Map<String, String> headers) {
        return exchange(method, path, token, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** The body sent chunked, without a {@code Content-Length}, as a streaming client sends it. */
    public Response sendChunked(String method, String path, String token, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return exchange(method, path, token, HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(bytes)), Map.of());
    }

    private Response exchange(String method, String path, String token, HttpRequest.BodyPublisher body,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> flat.put(name.toLowerCase(), String.join(",", values)));
            return new Response(response.statusCode(), flat, response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A tenant create body with the given slug; other fields valid. */
    public static String newTenant(String slug, String plan) {
        return """
                {"slug":"%s","name":"%s Inc","country":"DE","locale":"de-DE","timezone":"Europe/Berlin",
                 "currency":"EUR","plan":"%s","adminEmail":"admin@%s.example"}""".formatted(slug, slug, plan, slug);
    }
}

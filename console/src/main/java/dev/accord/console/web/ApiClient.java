package dev.accord.console.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to one service's public API; an answer other than 2xx becomes an {@link ApiException} with the problem's detail. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public ApiClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        // The catalog answers an id merged into another entry with 308 to that entry.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public <T> T get(String pathAndQuery, Class<T> type) {
        return send(request(pathAndQuery).GET().build(), type);
    }

    public <T> T send(String method, String pathAndQuery, Object body, Class<T> type) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        return send(request(pathAndQuery).header("Content-Type", "application/json").method(method, publisher).build(), type);
    }

    /** A request with the subscriber's token, as the alert API asks for a subscription's own operations. */
    public <T> T sendWithToken(String method, String pathAndQuery, String token, Class<T> type) {
        HttpRequest.Builder builder = request(pathAndQuery).header("Authorization", "Bearer " + token);
        return send(builder.method(method, HttpRequest.BodyPublishers.noBody()).build(), type);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).header("Accept", "application/json");
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(503, base.getAuthority() + " cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
        try {
            if (response.statusCode() / 100 != 2) {
                JsonNode problem = response.body().isBlank() ? null : JSON.readTree(response.body());
                throw new ApiException(response.statusCode(), detailOf(problem, response.statusCode()));
            }
            if (type == Void.class || response.body().isBlank()) {
                return null;
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiException(502, base.getAuthority() + " answered what is not JSON");
        }
    }

    /** The problem's detail, and each field error it lists (RFC 9457 problem+json as the services answer it). */
    private static String detailOf(JsonNode problem, int status) {
        if (problem == null) {
            return "status " + status;
        }
        StringBuilder detail = new StringBuilder(problem.hasNonNull("detail") ? problem.get("detail").asText()
                : problem.hasNonNull("title") ? problem.get("title").asText() : "status " + status);
        for (JsonNode error : problem.path("errors")) {
            detail.append(detail.length() > 0 ? "; " : "").append(error.path("field").asText()).append(": ")
                    .append(error.path("message").asText());
        }
        return detail.toString();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write request body", e);
        }
    }
}

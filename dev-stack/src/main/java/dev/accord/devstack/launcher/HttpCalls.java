package dev.accord.devstack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The demo's few HTTP calls: a status and a body, or status 0 and the error. */
final class HttpCalls {

    record Answer(int status, String body) {
    }

    private HttpCalls() {
    }

    static Answer postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Answer postFile(String url, Path file, String contentType, String bearer) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            return new Answer(0, e.toString());
        }
    }

    static Answer post(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static Answer get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = Probes.HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}

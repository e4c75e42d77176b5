package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A webhook subscription made for one load step and removed after it. */
final class Subscriptions {

    private Subscriptions() {
    }

    /** Subscribes {@code hook} to new initiatives and new mentions matching {@code filter} (a JSON object); answers {id, token, secret}. */
    static JsonNode webhook(HttpClient client, String alert, String name, String filter, String hook) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"filter\":" + filter + ","
                + "\"events\":[\"initiative.cataloged\",\"initiative.mentioned\"],"
                + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + hook + "\"}}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(alert + "/api/subscriptions"))
                .timeout(Http.REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the subscription answered " + response.statusCode() + ": " + response.body());
        }
        return Http.json(response.body());
    }

    static void delete(HttpClient client, String alert, JsonNode subscription) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create(alert + "/api/subscriptions/" + subscription.path("id").asText()))
                .timeout(Http.REQUEST_TIMEOUT).header("Authorization", "Bearer " + subscription.path("token").asText())
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}

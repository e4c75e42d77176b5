package dev.accord.webhookreceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    // The example published with the Standard Webhooks specification's libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"type\":\"accord.initiative.cataloged\"}";

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(URI url, String id, String signature, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        String signed = signature != null ? signature
                : SignatureCheck.sign(SECRET, id, now, body.getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(url).header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(now)).header("webhook-signature", signed)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsEveryDeliveryAndAnswersAsTold() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.respondOnce(429, Map.of("Retry-After", "7"));

            HttpResponse<String> first = post(receiver.url("/hook"), "msg_1", null, BODY);
            HttpResponse<String> second = post(receiver.url("/hook"), "msg_2", null, BODY);
            receiver.respondWith(500);
            HttpResponse<String> third = post(receiver.url("/other"), "msg_3", null, BODY);

            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("retry-after")).contains("7");
            assertThat(second.statusCode()).isEqualTo(204);
            assertThat(third.statusCode()).isEqualTo(500);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hook", "/hook", "/other");
            WebhookReceiver.Received received = receiver.received().get(0);
            assertThat(received.header("Webhook-Id")).isEqualTo("msg_1");
            assertThat(received.body()).isEqualTo(BODY);
            // No secrets given: nothing checked, and the official library still verifies what came.
            assertThat(received.verdict()).isNull();
            received.verify(SECRET);
        }
    }

    @Test
    void toldTheSecretItAnswers401ToADeliveryThatDoesNotVerify() throws Exception {
        List<WebhookReceiver.Received> seen = new CopyOnWriteArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start().verifying(SECRET).onDelivery(seen::add)) {
            HttpResponse<String> good = post(receiver.url("/hook"), "msg_1", null, BODY);
            HttpResponse<String> forged = post(receiver.url("/hook"), "msg_2",
                    "v1,Zm9yZ2VkLXNpZ25hdHVyZS1vZi0zMi1ieXRlcy4uLi4=", BODY);

            assertThat(good.statusCode()).isEqualTo(204);
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(seen).extracting(WebhookReceiver.Received::verified).containsExactly(true, false);
            assertThat(seen.get(1).verdict().reason()).contains("no v1 signature matches");
            assertThatThrownBy(() -> seen.get(1).verify(SECRET)).isInstanceOf(Exception.class);
        }
    }

    @Test
    void aHeldReceiverAnswersOnlyOnceReleased() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.hold();
            CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(receiver.url("/hook"), "msg_1", null, BODY);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (receiver.inProgress() == 0) {
                Thread.onSpinWait();
            }
            assertThat(pending).isNotDone();

            receiver.release();

            assertThat(pending.get().statusCode()).isEqualTo(204);
            assertThat(receiver.maxInProgress()).isEqualTo(1);
        }
    }

    @Test
    void answersHealthChecksAndRefusesOtherMethods() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(receiver.url("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(receiver.url("/hook")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(receiver.received()).isEmpty();
        }
    }
}

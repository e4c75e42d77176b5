package dev.accord.console.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.console.web.ApiClient;
import dev.accord.console.web.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** alert-service's public subscription API, as the console uses it on a subscriber's behalf. */
@ApplicationScoped
public class AlertClient {

    /** {@code POST /api/subscriptions}'s answer: the token and the webhook secret are shown this once. */
    public record Created(UUID id, String token, String secret) {
    }

    public record Preview(String from, String to, int scanned, int matched, boolean complete, List<PreviewEntry> initiatives) {
    }

    public record PreviewEntry(UUID id, String title, String stage, List<String> countries, List<String> topics, String firstSeenAt) {

        public String countriesText() {
            return countries == null ? "" : String.join(", ", countries);
        }

        public String topicsText() {
            return topics == null ? "" : String.join(", ", topics);
        }
    }

    public record Delivery(UUID id, String eventId, String eventType, String status, int attempts, String nextAttemptAt,
            Integer lastStatus, String lastError, String createdAt, String deliveredAt) {

        public boolean retryable() {
            return "dead".equals(status) || "pending".equals(status) && attempts > 0;
        }
    }

    public record Rotated(UUID id, String secret, String previousSecretExpiresAt) {
    }

    private final ApiClient api;

    public AlertClient(ConsoleConfig config) {
        this.api = new ApiClient(config.alertUrl(), config.timeout());
    }

    public Preview preview(SubscriptionForm form) {
        return api.send("POST", "/api/subscriptions/preview", form.previewBody(), Preview.class);
    }

    public Created create(SubscriptionForm form) {
        return api.send("POST", "/api/subscriptions", form.createBody(), Created.class);
    }

    public JsonNode subscription(String id, String token) {
        return api.sendWithToken("GET", "/api/subscriptions/" + id, token, JsonNode.class);
    }

    public List<Delivery> deliveries(String id, String token) {
        return List.of(api.sendWithToken("GET", "/api/subscriptions/" + id + "/deliveries?limit=50", token, Delivery[].class));
    }

    public void retry(String id, String token, String deliveryId) {
        api.sendWithToken("POST", "/api/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry", token, Void.class);
    }

    public Rotated rotate(String id, String token) {
        return api.sendWithToken("POST", "/api/subscriptions/" + id + "/rotate-secret", token, Rotated.class);
    }

    public void pause(String id, String token) {
        api.sendWithToken("POST", "/api/subscriptions/" + id + "/pause", token, Void.class);
    }

    public void resume(String id, String token) {
        api.sendWithToken("POST", "/api/subscriptions/" + id + "/resume", token, Void.class);
    }

    public void enable(String id, String token) {
        api.sendWithToken("POST", "/api/subscriptions/" + id + "/enable", token, Void.class);
    }

    public void delete(String id, String token) {
        api.sendWithToken("DELETE", "/api/subscriptions/" + id, token, Void.class);
    }
}

package dev.accord.alert.delivery;

import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.observability.TraceParents;
import dev.accord.common.net.AddressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * POSTs one signed notification. Redirects are not followed and the address is checked again at
 * send time, because DNS can change between subscription and delivery.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;

    public WebhookSender(AlertConfig config) {
        this.timeout = config.webhooks().timeout();
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    public SendResult send(String url, String secret, String webhookId, String body) {
        URI uri = URI.create(url);
        try {
            guard.check(uri);
        } catch (AddressGuard.BlockedAddressException e) {
            return new SendResult(0, "refused: " + e.getMessage(), Optional.empty());
        }
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = TraceParents.onRequest(HttpRequest.newBuilder(uri)).timeout(timeout)
                .header("content-type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new SendResult(response.statusCode(), response.statusCode() < 300 ? null : "HTTP " + response.statusCode(),
                    response.headers().firstValue("retry-after").flatMap(WebhookSender::seconds));
        } catch (IOException e) {
            return new SendResult(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(0, "interrupted", Optional.empty());
        }
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package dev.accord.alert.delivery;

import dev.accord.alert.config.AlertConfig;
import dev.accord.common.tracing.TraceParents;
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
    private final Duration maxRetryAfter;

    public WebhookSender(AlertConfig config) {
        this.timeout = config.webhooks().timeout();
        this.maxRetryAfter = config.delivery().maxRetryAfter();
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
        // HTTP/1.1: an http:// target would otherwise get an h2c upgrade offer, which some receivers mishandle.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    public SendResult send(String url, String secret, String webhookId, String body) {
        return send(url, List.of(secret), webhookId, body);
    }

    /** Signs with every secret given (current first; the previous one too during a rotation's overlap). */
    public SendResult send(String url, List<String> secrets, String webhookId, String body) {
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
                .header("webhook-signature", WebhookSigner.sign(secrets, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new SendResult(response.statusCode(), response.statusCode() < 300 ? null : "HTTP " + response.statusCode(),
                    retryAfter(response));
        } catch (IOException e) {
            return new SendResult(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(0, "interrupted", Optional.empty());
        }
    }

    /** Only "slow down" (429) and "unavailable" (503) answers carry a Retry-After worth obeying. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return Optional.empty();
        }
        return response.headers().firstValue("retry-after")
                .flatMap(v -> RetryAfter.parse(v, java.time.Instant.now(), maxRetryAfter));
    }
}

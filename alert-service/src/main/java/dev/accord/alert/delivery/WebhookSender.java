package dev.accord.alert.delivery;

import dev.accord.alert.channel.ChannelSender;
import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.channel.Outgoing;
import dev.accord.alert.channel.SendResult;
import dev.accord.alert.config.AlertConfig;
import dev.accord.common.net.AddressGuard;
import dev.accord.common.net.PinnedHttp;
import dev.accord.common.tracing.TraceParents;
import io.opentelemetry.context.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs one signed notification. Redirects are not followed, and the address is checked again at send time,
 * because DNS can change between subscription and delivery; the request connects to the address that check
 * passed, so a name that rebinds between the check and the connection cannot turn it inward.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private static final int ANSWER_BYTES_READ = 4096;

    private final PinnedHttp http;
    private final AddressGuard guard;
    private final Duration timeout;
    private final Duration maxRetryAfter;

    public WebhookSender(AlertConfig config, Vertx vertx) {
        this.timeout = config.webhooks().timeout();
        this.maxRetryAfter = config.delivery().maxRetryAfter();
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
        // HTTP/1.1 only: an http:// target never gets an h2c upgrade offer, which some receivers mishandle.
        this.http = new PinnedHttp(vertx, timeout, config.webhooks().keepAlive());
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public boolean disablesFailingEndpoints() {
        return true;
    }

    /** The delivery id is the Standard Webhooks {@code webhook-id}, the same on every retry. */
    @Override
    public SendResult send(Outgoing delivery) {
        return send(delivery.url(), delivery.secrets(), delivery.deliveryId().toString(), delivery.payload());
    }

    public SendResult send(String url, String secret, String webhookId, String body) {
        return send(url, List.of(secret), webhookId, body);
    }

    /** Signs with every secret given (current first; the previous one too during a rotation's overlap). */
    public SendResult send(String url, List<String> secrets, String webhookId, String body) {
        URI uri = URI.create(url);
        InetAddress address;
        try {
            address = guard.checkedAddress(uri);
        } catch (AddressGuard.BlockedAddressException e) {
            return new SendResult(0, "refused: " + e.getMessage(), Optional.empty());
        }
        long timestamp = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.sign(secrets, webhookId, timestamp, body));
        String traceparent = TraceParents.of(Context.current());
        if (traceparent != null) {
            headers.put(TraceParents.HEADER, traceparent);
        }
        try {
            // Only the status and Retry-After matter; a short answer body is read (and ignored) so that the
            // connection can carry the next delivery, a longer one closes it.
            PinnedHttp.Response response = http.send("POST", uri, address, headers, body.getBytes(StandardCharsets.UTF_8),
                    timeout, ANSWER_BYTES_READ);
            return new SendResult(response.status(), response.status() < 300 ? null : "HTTP " + response.status(),
                    retryAfter(response));
        } catch (IOException e) {
            return new SendResult(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    Optional.empty());
        }
    }

    /** Only "slow down" (429) and "unavailable" (503) answers carry a Retry-After worth obeying. */
    private Optional<Duration> retryAfter(PinnedHttp.Response response) {
        if (response.status() != 429 && response.status() != 503) {
            return Optional.empty();
        }
        return response.header("retry-after")
                .flatMap(v -> RetryAfter.parse(v, java.time.Instant.now(), maxRetryAfter));
    }
}

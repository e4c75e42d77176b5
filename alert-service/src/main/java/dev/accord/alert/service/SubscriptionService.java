package dev.accord.alert.service;

import dev.accord.alert.api.SubscriptionCreated;
import dev.accord.alert.api.SubscriptionRequest;
import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.domain.Subscription;
import dev.accord.common.net.AddressGuard;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Creates subscriptions and finds them for their owner only. */
@ApplicationScoped
public class SubscriptionService {

    private final AddressGuard guard;

    public SubscriptionService(AlertConfig config) {
        this.guard = new AddressGuard(config.webhooks().allowedHosts().orElse(List.of()));
    }

    @Transactional
    public SubscriptionCreated create(SubscriptionRequest request) {
        SubscriptionRequest.Channel channel = request.channel();
        if (!"webhook".equals(channel.type())) {
            throw new ProblemException(400, "Unsupported channel",
                    "Channel type '" + channel.type() + "' is not offered; use 'webhook'.", Map.of("parameter", "channel.type",
                            "allowed", List.of("webhook")));
        }
        URI url = webhookUrl(channel.url());
        SubscriptionRequest.Filter filter = request.filter() == null
                ? new SubscriptionRequest.Filter(null, null, null, null) : request.filter();
        Instant now = Instant.now();
        String token = Credentials.newToken();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.name = request.name();
        subscription.topics = normalised(filter.topics(), false);
        subscription.countries = normalised(filter.countries(), true);
        subscription.orgs = normalised(filter.orgs(), false);
        subscription.keywords = normalised(filter.keywords(), false);
        subscription.channelType = channel.type();
        subscription.webhookUrl = url.toString();
        subscription.webhookSecret = Credentials.newWebhookSecret();
        subscription.tokenHash = Credentials.hash(token);
        subscription.status = Subscription.ACTIVE;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscription.persist();
        return new SubscriptionCreated(subscription.id, token, subscription.webhookSecret);
    }

    /** The subscription if {@code token} is its token; otherwise 404, so others cannot even learn it exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription owned(String id, String token) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        Subscription subscription = Subscription.findById(uuid);
        if (subscription == null || token == null || !MessageDigest.isEqual(
                subscription.tokenHash.getBytes(StandardCharsets.UTF_8), Credentials.hash(token).getBytes(StandardCharsets.UTF_8))) {
            throw notFound(id);
        }
        return subscription;
    }

    @Transactional
    public void delete(String id, String token) {
        Subscription.deleteById(owned(id, token).id);
    }

    private URI webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badParameter("channel.url", "A webhook channel needs a 'url'.");
        }
        try {
            URI uri = URI.create(url.strip());
            guard.check(uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("channel.url", "Not a valid URL.");
        } catch (AddressGuard.BlockedAddressException e) {
            throw ProblemException.badParameter("channel.url", "Webhook URL not allowed: " + e.getMessage());
        }
    }

    private static List<String> normalised(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(String::strip)
                .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v).distinct().toList();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No subscription " + id + " for this token.");
    }
}

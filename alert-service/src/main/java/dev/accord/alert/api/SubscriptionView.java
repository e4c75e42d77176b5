package dev.accord.alert.api;

import dev.accord.alert.domain.Subscription;
import dev.accord.alert.subscription.SubscriptionRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it; secrets and tokens are never shown again. */
public record SubscriptionView(UUID id, String name, SubscriptionRequest.Filter filter, List<String> events,
        ChannelView channel, String digest, SubscriptionRequest.DigestTime digestSchedule, String status, String disabledReason, Instant disabledAt,
        Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {

    /** The channel without its secret. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ChannelView(String type, String url, String address) {
    }

    /** {@code emailAddress} is the channel's address for e-mail subscriptions (kept apart from the subscription row). */
    public static SubscriptionView of(Subscription s, String emailAddress) {
        return new SubscriptionView(s.id, s.name, new SubscriptionRequest.Filter(s.topics, s.countries, s.orgs, s.keywords,
                s.query), s.events, new ChannelView(s.channelType, s.webhookUrl, emailAddress), s.digest, schedule(s), s.status.wire(),
                s.disabledReason, s.disabledAt, overlapEnd(s), s.createdAt, s.updatedAt);
    }

    private static SubscriptionRequest.DigestTime schedule(Subscription s) {
        return s.digestAt == null && s.digestZone == null && s.digestDay == null ? null
                : new SubscriptionRequest.DigestTime(s.digestAt == null ? null : s.digestAt.toString(), s.digestZone, s.digestDay);
    }

    /** When the previous signing secret stops signing, while it still does. */
    private static Instant overlapEnd(Subscription s) {
        return s.previousSecretExpiresAt != null && s.previousSecretExpiresAt.isAfter(Instant.now())
                ? s.previousSecretExpiresAt : null;
    }
}

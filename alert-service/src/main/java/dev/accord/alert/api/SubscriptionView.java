package dev.accord.alert.api;

import dev.accord.alert.domain.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it; secrets and tokens are never shown again. */
public record SubscriptionView(UUID id, String name, SubscriptionRequest.Filter filter, List<String> events,
        ChannelView channel, String status, Instant createdAt, Instant updatedAt) {

    /** The channel without its secret. */
    public record ChannelView(String type, String url) {
    }

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.name, new SubscriptionRequest.Filter(s.topics, s.countries, s.orgs, s.keywords,
                s.query), s.events, new ChannelView(s.channelType, s.webhookUrl), s.status, s.createdAt, s.updatedAt);
    }
}

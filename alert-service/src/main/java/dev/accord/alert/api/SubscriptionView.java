package dev.accord.alert.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it; secrets and tokens are never shown again. */
public record SubscriptionView(UUID id, String name, SubscriptionRequest.Filter filter, ChannelView channel,
        String digest, String status, Instant createdAt) {

    /** The channel without its secret. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ChannelView(String type, String url, String address) {
    }
}

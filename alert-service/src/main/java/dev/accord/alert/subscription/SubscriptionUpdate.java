package dev.accord.alert.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PATCH /api/subscriptions/{id}}: each member given replaces the stored one
 * (a filter as a whole), members left out stay as they are.
 */
public record SubscriptionUpdate(
        @Size(max = 200) String name,
        @Valid SubscriptionRequest.Filter filter,
        @Size(max = 10) List<@NotNull String> events,
        @Valid ChannelUpdate channel) {

    /** A webhook subscription may move to another URL; its secret stays. */
    public record ChannelUpdate(@Size(max = 2048) String url) {
    }
}

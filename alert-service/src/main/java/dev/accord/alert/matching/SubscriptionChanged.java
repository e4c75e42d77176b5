package dev.accord.alert.matching;

import dev.accord.alert.filter.SubscriptionFilter;
import java.util.UUID;

/**
 * Fired inside the transaction that creates, changes or removes a subscription; once it commits,
 * this replica's index follows. {@code filter} is null when the subscription no longer matches
 * anything (deleted or not active). Other replicas pick the change up on their next refresh.
 */
public record SubscriptionChanged(UUID id, SubscriptionFilter filter) {
}

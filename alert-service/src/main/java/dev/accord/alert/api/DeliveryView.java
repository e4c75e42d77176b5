package dev.accord.alert.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.DeliveryAttempt;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery and how it went; {@code attemptLog} (every attempt, oldest first) only when a single
 * delivery is read. {@code id} is the {@code webhook-id} its requests carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, String eventId, String eventType, String status, int attempts,
        Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt,
        List<DeliveryAttempt> attemptLog) {

    public static DeliveryView of(Delivery d, List<DeliveryAttempt> attemptLog) {
        // A next attempt is only planned for a pending row.
        Instant next = d.status.awaitsAttempt() ? d.nextAttemptAt : null;
        return new DeliveryView(d.id, d.eventId, d.eventType, d.status.wire(), d.attempts, next, d.lastStatus, d.lastError,
                d.createdAt, d.deliveredAt, attemptLog);
    }
}

package dev.accord.alert.api;

import java.time.Instant;
import java.util.UUID;

/** One delivery and how it went. */
public record DeliveryView(UUID id, String eventId, String eventType, String status, int attempts,
        Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
}

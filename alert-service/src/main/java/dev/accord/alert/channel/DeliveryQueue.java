package dev.accord.alert.channel;

import dev.accord.alert.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** Adds pending rows for the delivery worker, at most one per subscription and event id. */
@ApplicationScoped
public class DeliveryQueue {

    private final EntityManager em;

    public DeliveryQueue(EntityManager em) {
        this.em = em;
    }

    /** Returns 1 when the row was added, 0 when this subscription already had one for {@code eventId}. */
    public int enqueue(UUID id, UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        return em.createNativeQuery("INSERT INTO delivery (id, subscription_id, event_id, event_type, payload, "
                + "status, attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7) "
                + "ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING")
                .setParameter(1, id)
                .setParameter(2, subscriptionId)
                .setParameter(3, eventId)
                .setParameter(4, eventType)
                .setParameter(5, payload)
                .setParameter(6, Delivery.PENDING)
                .setParameter(7, now)
                .executeUpdate();
    }
}

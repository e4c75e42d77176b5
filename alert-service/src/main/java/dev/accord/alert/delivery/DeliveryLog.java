package dev.accord.alert.delivery;

import dev.accord.alert.channel.DeliveriesQueued;
import dev.accord.alert.domain.DeliveryStatus;
import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.DeliveryAttempt;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subscription's deliveries as its owner sees them, with every attempt, and the owner's ways to
 * send again: a manual retry of one delivery, or a replay of all failed ones since a point in time.
 * Both keep the delivery's id, so the receiver sees the same {@code webhook-id} and can de-duplicate.
 */
@ApplicationScoped
public class DeliveryLog {

    /** A delivery that failed: dead, or waiting for its next scheduled retry. */
    private static final String FAILED = "(status = 'dead' OR (status = 'pending' AND attempts > 0))";

    private final EntityManager em;
    private final Event<DeliveriesQueued> queued;

    public DeliveryLog(EntityManager em, Event<DeliveriesQueued> queued) {
        this.em = em;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> recent(UUID subscriptionId, int limit) {
        return Delivery.find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId).page(0, limit).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Delivery get(UUID subscriptionId, String deliveryId) {
        UUID id;
        try {
            id = UUID.fromString(deliveryId);
        } catch (IllegalArgumentException e) {
            throw notFound(deliveryId);
        }
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw notFound(deliveryId);
        }
        return delivery;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        List<Object[]> rows = em.createNativeQuery("SELECT attempted_at, status_code, latency_ms, error FROM delivery_attempt "
                + "WHERE delivery_id = ?1 ORDER BY id").setParameter(1, deliveryId).getResultList();
        return rows.stream().map(r -> new DeliveryAttempt(instant(r[0]), (Integer) r[1], (Integer) r[2], (String) r[3]))
                .toList();
    }

    /**
     * Makes a failed delivery due now. A dead one gets one more attempt (dead again if it fails); one
     * still waiting for a retry just has that retry brought forward.
     */
    @Transactional
    public Delivery retry(UUID subscriptionId, String deliveryId) {
        Delivery delivery = get(subscriptionId, deliveryId);
        boolean dead = delivery.status == DeliveryStatus.DEAD;
        if (!dead && !(delivery.status == DeliveryStatus.PENDING && delivery.attempts > 0)) {
            throw new ProblemException(409, "Not failed", "Delivery " + deliveryId + " is " + delivery.status.wire()
                    + (delivery.status == DeliveryStatus.PENDING ? " and not attempted yet" : "")
                    + "; only a dead or failed delivery can be retried.", Map.of("status", delivery.status.wire()));
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = Instant.now();
        delivery.finalAttempt = dead;
        queued.fire(new DeliveriesQueued(1));
        return delivery;
    }

    /** Re-queues the subscription's failed deliveries created at or after {@code since}; returns how many. */
    @Transactional
    public int replay(UUID subscriptionId, Instant since) {
        int count = em.createNativeQuery("UPDATE delivery SET final_attempt = (status = 'dead'), status = 'pending', "
                + "next_attempt_at = ?1 WHERE subscription_id = ?2 AND created_at >= ?3 AND " + FAILED)
                .setParameter(1, Instant.now())
                .setParameter(2, subscriptionId)
                .setParameter(3, since)
                .executeUpdate();
        if (count > 0) {
            queued.fire(new DeliveriesQueued(count));
        }
        return count;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static ProblemException notFound(String deliveryId) {
        return ProblemException.notFound("No delivery " + deliveryId + " in this subscription.");
    }
}

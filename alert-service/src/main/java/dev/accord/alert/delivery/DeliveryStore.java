package dev.accord.alert.delivery;

import dev.accord.alert.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Claims and settles deliveries, each in a short transaction of its own so no database lock is held
 * while a webhook call is in progress. {@code SKIP LOCKED} lets replicas claim disjoint rows; a claim
 * that outlives its timeout (its replica died) becomes claimable again.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A claimed delivery with what is needed to send it. */
    public record Claimed(UUID id, String payload, int attempts, String url, String secret, UUID subscriptionId,
            String eventType, String channelType) {
    }

    private final EntityManager em;

    public DeliveryStore(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(int limit, Duration claimTimeout) {
        Instant now = Instant.now();
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT d.id FROM delivery d
                    WHERE (d.status = 'pending' AND d.next_attempt_at <= ?1)
                       OR (d.status = 'in_flight' AND d.claimed_until < ?1)
                    ORDER BY d.next_attempt_at
                    LIMIT ?2
                    FOR UPDATE SKIP LOCKED)
                UPDATE delivery d SET status = 'in_flight', claimed_until = ?3
                FROM due, subscription s
                WHERE d.id = due.id AND s.id = d.subscription_id
                RETURNING d.id, d.payload, d.attempts, s.webhook_url, s.webhook_secret, d.subscription_id, d.event_type,
                    s.channel_type
                """)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, now.plus(claimTimeout))
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (Integer) r[2], (String) r[3], (String) r[4],
                (UUID) r[5], (String) r[6], (String) r[7])).toList();
    }

    @Transactional
    public void delivered(UUID id, int status) {
        Delivery delivery = em.find(Delivery.class, id);
        delivery.status = Delivery.DELIVERED;
        delivery.attempts++;
        delivery.lastStatus = status;
        delivery.lastError = null;
        delivery.deliveredAt = Instant.now();
        delivery.claimedUntil = null;
    }

    /** Records a failed attempt; {@code retryIn} null means no more attempts. */
    @Transactional
    public void failed(UUID id, int status, String error, Duration retryIn) {
        Delivery delivery = em.find(Delivery.class, id);
        delivery.attempts++;
        delivery.lastStatus = status == 0 ? null : status;
        delivery.lastError = error;
        delivery.claimedUntil = null;
        if (retryIn == null) {
            delivery.status = Delivery.DEAD;
        } else {
            delivery.status = Delivery.PENDING;
            delivery.nextAttemptAt = Instant.now().plus(retryIn);
        }
    }
}

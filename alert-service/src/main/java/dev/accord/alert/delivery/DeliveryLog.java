package dev.accord.alert.delivery;

import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.DeliveryAttempt;
import dev.accord.alert.domain.DeliveryStatus;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

    private final DeliveryStore store;

    public DeliveryLog(DeliveryStore store) {
        this.store = store;
    }

    public List<Delivery> recent(UUID subscriptionId, int limit) {
        return store.recent(subscriptionId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Delivery get(UUID subscriptionId, String deliveryId) {
        UUID id;
        try {
            id = UUID.fromString(deliveryId);
        } catch (IllegalArgumentException e) {
            throw notFound(deliveryId);
        }
        return store.find(id).filter(delivery -> delivery.subscriptionId.equals(subscriptionId))
                .orElseThrow(() -> notFound(deliveryId));
    }

    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return store.attempts(deliveryId);
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
        store.announce(1);
        return delivery;
    }

    /** Re-queues the subscription's failed deliveries created at or after {@code since}; returns how many. */
    @Transactional
    public int replay(UUID subscriptionId, Instant since) {
        return store.requeueFailed(subscriptionId, since, Instant.now());
    }

    private static ProblemException notFound(String deliveryId) {
        return ProblemException.notFound("No delivery " + deliveryId + " in this subscription.");
    }
}

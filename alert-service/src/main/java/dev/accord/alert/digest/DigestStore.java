package dev.accord.alert.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.channel.DeliveryQueue;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Holds notifications for digests and cuts closed windows into one delivery each.
 *
 * <p>A pass claims subscriptions that have held notifications from before their current window,
 * locking their rows with {@code SKIP LOCKED} so replicas cut disjoint subscriptions. In the same
 * transaction it records the window ({@code digest_window}, unique per subscription and window start),
 * releases exactly the held rows it read, and enqueues the digest delivery; so every notification
 * leaves in exactly one digest. A notification whose transaction commits only after its window was
 * cut goes out with the next window rather than being lost.
 */
@ApplicationScoped
public class DigestStore {

    private static final Logger LOG = Logger.getLogger(DigestStore.class);

    private final EntityManager em;
    private final DigestWindows windows;
    private final DeliveryQueue deliveries;

    public DigestStore(EntityManager em, DigestWindows windows, DeliveryQueue deliveries) {
        this.em = em;
        this.windows = windows;
        this.deliveries = deliveries;
    }

    /** Keeps a notification for the subscription's next digest (caller's transaction). */
    public int hold(UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        return em.createNativeQuery("INSERT INTO notification (subscription_id, event_id, event_type, payload, created_at, "
                + "digest_pending) VALUES (?1, ?2, ?3, ?4, ?5, true) ON CONFLICT ON CONSTRAINT notification_once DO NOTHING")
                .setParameter(1, subscriptionId)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, payload)
                .setParameter(5, now)
                .executeUpdate();
    }

    /** Cuts the closed windows of up to {@code limit} subscriptions; returns how many digests were enqueued. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int cutClosedWindows(Instant now, int limit) {
        // FOR NO KEY UPDATE does not conflict with the key-share lock that inserting a notification takes.
        List<Object[]> claimed = em.createNativeQuery("""
                SELECT s.id, s.digest FROM subscription s
                WHERE s.digest IN ('hourly', 'daily')
                  AND EXISTS (SELECT 1 FROM notification n
                              WHERE n.subscription_id = s.id AND n.digest_pending
                                AND n.created_at < CASE s.digest WHEN 'hourly' THEN CAST(?1 AS timestamptz) ELSE CAST(?2 AS timestamptz) END)
                LIMIT ?3
                FOR NO KEY UPDATE OF s SKIP LOCKED
                """)
                .setParameter(1, windows.startOf(DigestPeriod.HOURLY, now))
                .setParameter(2, windows.startOf(DigestPeriod.DAILY, now))
                .setParameter(3, limit)
                .getResultList();
        int cut = 0;
        for (Object[] row : claimed) {
            cut += cut((UUID) row[0], DigestPeriod.of((String) row[1]), now);
        }
        return cut;
    }

    @SuppressWarnings("unchecked")
    private int cut(UUID subscriptionId, DigestPeriod period, Instant now) {
        Instant windowEnd = windows.startOf(period, now);
        Duration length = windows.length(period);
        // Named for the last closed window; held rows from earlier windows (after an outage) travel with it.
        Instant windowStart = windowEnd.minus(length);
        UUID deliveryId = UUID.randomUUID();
        int recorded = em.createNativeQuery("INSERT INTO digest_window (subscription_id, window_start, window_end, "
                + "delivery_id, notifications, created_at) VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, subscriptionId)
                .setParameter(2, windowStart)
                .setParameter(3, windowEnd)
                .setParameter(4, deliveryId)
                .setParameter(5, now)
                .executeUpdate();
        if (recorded == 0) {
            // This window already went out; what arrived late waits for the next one.
            return 0;
        }
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE notification SET digest_pending = false, digest_delivery_id = ?1
                WHERE subscription_id = ?2 AND digest_pending AND created_at < ?3
                RETURNING id, payload
                """)
                .setParameter(1, deliveryId)
                .setParameter(2, subscriptionId)
                .setParameter(3, windowEnd)
                .getResultList();
        List<Object[]> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(r -> ((Number) r[0]).longValue()));
        List<JsonNode> notifications = ordered.stream().map(r -> tree((String) r[1])).toList();
        em.createNativeQuery("UPDATE digest_window SET notifications = ?1 WHERE subscription_id = ?2 AND window_start = ?3")
                .setParameter(1, notifications.size())
                .setParameter(2, subscriptionId)
                .setParameter(3, windowStart)
                .executeUpdate();
        Digest digest = new Digest(Digest.TYPE, subscriptionId, period.wireName(), windowStart, windowEnd, notifications);
        deliveries.enqueue(deliveryId, subscriptionId, Digest.eventId(windowStart), Digest.TYPE, EventJson.write(digest), now);
        LOG.debugf("Digest %s of subscription %s: %d notifications", windowStart, subscriptionId, notifications.size());
        return 1;
    }

    private static JsonNode tree(String payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored notifications are written by this service as JSON", e);
        }
    }
}

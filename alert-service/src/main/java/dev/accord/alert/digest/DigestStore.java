package dev.accord.alert.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.delivery.DeliveryStore;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Holds notifications for digests and cuts closed windows into one delivery each.
 *
 * <p>A pass claims subscriptions that have held notifications from before the end of their last closed
 * window (its own schedule's, {@link DigestWindows}), locking their rows with {@code SKIP LOCKED} so
 * replicas cut disjoint subscriptions. In the same
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
    private final DeliveryStore deliveries;

    public DigestStore(EntityManager em, DigestWindows windows, DeliveryStore deliveries) {
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

    /** Drops what a subscription held for its next digest (caller's transaction): it will get no more digests. */
    public void dropHeld(UUID subscriptionId) {
        em.createNativeQuery("DELETE FROM notification WHERE subscription_id = ?1 AND digest_pending")
                .setParameter(1, subscriptionId).executeUpdate();
    }

    /** Cuts the closed windows of up to {@code limit} subscriptions; returns how many digests were enqueued. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int cutClosedWindows(Instant now, int limit) {
        // Each subscription's window depends on its own schedule: find those whose oldest held notification
        // is older than their last closed window's end, then lock them. FOR NO KEY UPDATE does not conflict
        // with the key-share lock that inserting a notification takes; SKIP LOCKED leaves other replicas'
        // subscriptions alone.
        List<Object[]> held = em.createNativeQuery("""
                SELECT s.id, s.digest, s.digest_at, s.digest_zone, s.digest_day, min(n.created_at)
                FROM subscription s JOIN notification n ON n.subscription_id = s.id AND n.digest_pending
                WHERE s.digest IN ('hourly', 'daily', 'weekly')
                GROUP BY s.id
                """)
                .getResultList();
        Map<UUID, DigestWindows.Window> due = new LinkedHashMap<>();
        Map<UUID, DigestPeriod> periods = new HashMap<>();
        for (Object[] row : held) {
            DigestPeriod period = DigestPeriod.of((String) row[1]);
            DigestWindows.Window window = windows.lastClosed(period, schedule(row[2], (String) row[3], (String) row[4]), now);
            if (instant(row[5]).isBefore(window.end()) && due.size() < limit) {
                due.put((UUID) row[0], window);
                periods.put((UUID) row[0], period);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        List<UUID> locked = em.createNativeQuery("SELECT id FROM subscription WHERE id IN (?1) FOR NO KEY UPDATE SKIP LOCKED", UUID.class)
                .setParameter(1, List.copyOf(due.keySet()))
                .getResultList();
        int cut = 0;
        for (UUID id : locked) {
            cut += cut(id, periods.get(id), due.get(id), now);
        }
        return cut;
    }

    private static DigestSchedule schedule(Object at, String zone, String day) {
        if (at == null && zone == null && day == null) {
            return null;
        }
        LocalTime time = at instanceof Time sql ? sql.toLocalTime() : (LocalTime) at;
        return new DigestSchedule(time, zone == null ? null : ZoneId.of(zone), day == null ? null : DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }

    @SuppressWarnings("unchecked")
    private int cut(UUID subscriptionId, DigestPeriod period, DigestWindows.Window window, Instant now) {
        Instant windowEnd = window.end();
        // Named for the last closed window; held rows from earlier windows (after an outage) travel with it.
        Instant windowStart = window.start();
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

package dev.accord.alert.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.channel.NotificationStore;
import dev.accord.alert.delivery.DeliveryStore;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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
 * cut goes out with the next window rather than being lost. The held rows themselves are the
 * {@link NotificationStore}'s; this store owns {@code digest_window}.
 */
@ApplicationScoped
public class DigestStore {

    private static final Logger LOG = Logger.getLogger(DigestStore.class);

    private final EntityManager em;
    private final DigestWindows windows;
    private final NotificationStore notifications;
    private final DeliveryStore deliveries;

    public DigestStore(EntityManager em, DigestWindows windows, NotificationStore notifications, DeliveryStore deliveries) {
        this.em = em;
        this.windows = windows;
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    /** Keeps a notification for the subscription's next digest (caller's transaction). */
    public int hold(UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        return notifications.hold(subscriptionId, eventId, eventType, payload, now);
    }

    /** Drops what a subscription held for its next digest (caller's transaction): it will get no more digests. */
    public void dropHeld(UUID subscriptionId) {
        notifications.dropHeld(subscriptionId);
    }

    /** Cuts the closed windows of up to {@code limit} subscriptions; returns how many digests were enqueued. */
    @Transactional
    public int cutClosedWindows(Instant now, int limit) {
        // Each subscription's window depends on its own schedule: find those whose oldest held notification
        // is older than their last closed window's end, then lock them. FOR NO KEY UPDATE does not conflict
        // with the key-share lock that inserting a notification takes; SKIP LOCKED leaves other replicas'
        // subscriptions alone.
        Map<UUID, DigestWindows.Window> due = new LinkedHashMap<>();
        Map<UUID, DigestPeriod> periods = new HashMap<>();
        for (NotificationStore.Held held : notifications.held()) {
            DigestPeriod period = DigestPeriod.of(held.digest());
            DigestWindows.Window window = windows.lastClosed(period, schedule(held.at(), held.zone(), held.day()), now);
            if (held.oldest().isBefore(window.end()) && due.size() < limit) {
                due.put(held.subscriptionId(), window);
                periods.put(held.subscriptionId(), period);
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

    private static DigestSchedule schedule(LocalTime at, String zone, String day) {
        if (at == null && zone == null && day == null) {
            return null;
        }
        return new DigestSchedule(at, zone == null ? null : ZoneId.of(zone), day == null ? null : DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
    }

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
        List<JsonNode> released = notifications.releaseHeld(subscriptionId, deliveryId, windowEnd).stream()
                .map(DigestStore::tree).toList();
        em.createNativeQuery("UPDATE digest_window SET notifications = ?1 WHERE subscription_id = ?2 AND window_start = ?3")
                .setParameter(1, released.size())
                .setParameter(2, subscriptionId)
                .setParameter(3, windowStart)
                .executeUpdate();
        Digest digest = new Digest(Digest.TYPE, subscriptionId, period.wireName(), windowStart, windowEnd, released);
        deliveries.enqueue(deliveryId, subscriptionId, Digest.eventId(windowStart), Digest.TYPE, EventJson.write(digest), now);
        LOG.debugf("Digest %s of subscription %s: %d notifications", windowStart, subscriptionId, released.size());
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

package dev.accord.alert.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Owns the SQL on the {@code notification} table, which keeps two channels' notifications: those of stream
 * subscriptions, for live streams and their resumption, and those held for a subscription's next digest.
 *
 * <p>Stream appends take one transaction-scoped advisory lock before drawing their id, so ids become visible in
 * increasing order: a reader that has seen id N will never later find a smaller id committed, which makes
 * "everything after N" a safe resume point and a safe watermark for the feed. Each append also sends a
 * {@code NOTIFY}, delivered to the listening replicas when the transaction commits.
 */
@ApplicationScoped
public class NotificationStore {

    /** The PostgreSQL notification channel every replica listens on. */
    public static final String CHANNEL = "accord_notifications";
    /** Advisory lock key that orders appends ("ACCORDNT" in ASCII). */
    private static final long APPEND_LOCK = 0x4143434f52444e54L;

    /** A digest subscription with held notifications: its schedule, and since when it has held them. */
    public record Held(UUID subscriptionId, String digest, LocalTime at, String zone, String day, Instant oldest) {
    }

    private final EntityManager em;

    public NotificationStore(EntityManager em) {
        this.em = em;
    }

    /** Appends a stream notification in the caller's transaction; 0 when this event was already stored for it. */
    public int append(UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, APPEND_LOCK).getSingleResult();
        int added = insert(subscriptionId, eventId, eventType, payload, now, false);
        if (added > 0) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_notify(?1, '')) AS notified").setParameter(1, CHANNEL)
                    .getSingleResult();
        }
        return added;
    }

    /** Keeps a notification for the subscription's next digest (caller's transaction). */
    public int hold(UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        return insert(subscriptionId, eventId, eventType, payload, now, true);
    }

    private int insert(UUID subscriptionId, String eventId, String eventType, String payload, Instant now,
            boolean digestPending) {
        return em.createNativeQuery("INSERT INTO notification (subscription_id, event_id, event_type, payload, created_at, "
                + "digest_pending) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT ON CONSTRAINT notification_once DO NOTHING")
                .setParameter(1, subscriptionId)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, payload)
                .setParameter(5, now)
                .setParameter(6, digestPending)
                .executeUpdate();
    }

    /** Drops what a subscription held for its next digest (caller's transaction): it will get no more digests. */
    public void dropHeld(UUID subscriptionId) {
        em.createNativeQuery("DELETE FROM notification WHERE subscription_id = ?1 AND digest_pending")
                .setParameter(1, subscriptionId).executeUpdate();
    }

    /** Every digest subscription holding notifications, with its schedule and its oldest held notification's time. */
    @SuppressWarnings("unchecked")
    public List<Held> held() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.id, s.digest, s.digest_at, s.digest_zone, s.digest_day, min(n.created_at)
                FROM subscription s JOIN notification n ON n.subscription_id = s.id AND n.digest_pending
                WHERE s.digest IN ('hourly', 'daily', 'weekly')
                GROUP BY s.id
                """).getResultList();
        return rows.stream().map(r -> new Held((UUID) r[0], (String) r[1],
                r[2] == null ? null : r[2] instanceof Time sql ? sql.toLocalTime() : (LocalTime) r[2],
                (String) r[3], (String) r[4], instant(r[5]))).toList();
    }

    /**
     * Releases the subscription's notifications held from before {@code before} into the digest delivery
     * {@code deliveryId} (caller's transaction); returns their payloads, oldest first.
     */
    @SuppressWarnings("unchecked")
    public List<String> releaseHeld(UUID subscriptionId, UUID deliveryId, Instant before) {
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery("""
                UPDATE notification SET digest_pending = false, digest_delivery_id = ?1
                WHERE subscription_id = ?2 AND digest_pending AND created_at < ?3
                RETURNING id, payload
                """)
                .setParameter(1, deliveryId)
                .setParameter(2, subscriptionId)
                .setParameter(3, before)
                .getResultList());
        rows.sort((a, b) -> Long.compare(((Number) a[0]).longValue(), ((Number) b[0]).longValue()));
        return rows.stream().map(r -> (String) r[1]).toList();
    }

    /** The stream subscription's notifications after {@code afterId}, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<StoredNotification> after(UUID subscriptionId, long afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, subscription_id, event_type, payload FROM notification "
                + "WHERE subscription_id = ?1 AND id > ?2 AND NOT digest_pending ORDER BY id LIMIT ?3")
                .setParameter(1, subscriptionId)
                .setParameter(2, afterId)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new StoredNotification(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (String) r[3])).toList();
    }

    /** The newest id of the subscription, or 0: where a stream without {@code Last-Event-ID} starts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestId(UUID subscriptionId) {
        Number latest = (Number) em.createNativeQuery("SELECT coalesce(max(id), 0) FROM notification WHERE subscription_id = ?1")
                .setParameter(1, subscriptionId).getSingleResult();
        return latest.longValue();
    }

    /** Deletes notifications older than {@code cutoff}, except those still waiting for a digest. */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM notification WHERE created_at < ?1 AND NOT digest_pending")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** The newest id of all, on the feed's own connection: where a replica's feed starts. */
    public static long newestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM notification")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Stream notifications after {@code watermark}, oldest first, on the feed's own connection. */
    public static List<StoredNotification> streamedAfter(Connection connection, long watermark, int limit)
            throws SQLException {
        List<StoredNotification> batch = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, subscription_id, event_type, payload "
                + "FROM notification WHERE id > ? AND NOT digest_pending AND digest_delivery_id IS NULL "
                + "ORDER BY id LIMIT ?")) {
            query.setLong(1, watermark);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    batch.add(new StoredNotification(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4)));
                }
            }
        }
        return batch;
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}

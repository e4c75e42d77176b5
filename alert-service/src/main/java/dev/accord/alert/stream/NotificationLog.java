package dev.accord.alert.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored notifications of stream subscriptions. Appends take one transaction-scoped advisory
 * lock before drawing their id, so ids become visible in increasing order: a reader that has seen
 * id N will never later find a smaller id committed, which makes "everything after N" a safe resume
 * point and a safe watermark for the feed. Each append also sends a {@code NOTIFY}, delivered to the
 * listening replicas when the transaction commits.
 */
@ApplicationScoped
public class NotificationLog {

    /** The PostgreSQL notification channel every replica listens on. */
    public static final String CHANNEL = "accord_notifications";
    /** Advisory lock key that orders appends ("ACCORDNT" in ASCII). */
    private static final long APPEND_LOCK = 0x4143434f52444e54L;

    private final EntityManager em;

    public NotificationLog(EntityManager em) {
        this.em = em;
    }

    /** Appends in the caller's transaction; 0 when this event was already stored for the subscription. */
    public int append(UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, APPEND_LOCK).getSingleResult();
        int added = em.createNativeQuery("INSERT INTO notification (subscription_id, event_id, event_type, payload, created_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT ON CONSTRAINT notification_once DO NOTHING")
                .setParameter(1, subscriptionId)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, payload)
                .setParameter(5, now)
                .executeUpdate();
        if (added > 0) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_notify(?1, '')) AS notified").setParameter(1, CHANNEL)
                    .getSingleResult();
        }
        return added;
    }

    /** The subscription's notifications after {@code afterId}, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<StoredNotification> after(UUID subscriptionId, long afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, subscription_id, event_type, payload FROM notification "
                + "WHERE subscription_id = ?1 AND id > ?2 AND NOT digest_pending ORDER BY id LIMIT ?3")
                .setParameter(1, subscriptionId)
                .setParameter(2, afterId)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(NotificationLog::stored).toList();
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

    static StoredNotification stored(Object[] row) {
        return new StoredNotification(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3]);
    }
}

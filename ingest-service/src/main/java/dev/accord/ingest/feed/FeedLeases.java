package dev.accord.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Hands out feeds due for a poll so that no two pollers — threads or replicas — ever poll one feed at
 * the same time. A claim is one short transaction: {@code FOR UPDATE SKIP LOCKED} makes concurrent
 * claims pass over rows another claim is taking, and the lease written in the same statement keeps the
 * feed taken after the transaction ends, for as long as the HTTP work lasts, without holding a
 * database lock. A lease that runs out (its replica died mid-poll) makes the feed claimable again.
 */
@ApplicationScoped
public class FeedLeases {

    /** A feed claimed for one poll, with what the poll needs to know. */
    public record Claimed(UUID id, String url, String title, String etag, String lastModified, Instant lastSuccessAt,
            Duration pollInterval) {
    }

    private final EntityManager em;

    public FeedLeases(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(String owner, Instant now, int limit, Duration lease) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH due AS (
                    SELECT id FROM feed
                    WHERE status <> 'disabled' AND next_poll_at <= ?1
                      AND (leased_until IS NULL OR leased_until < ?1)
                    ORDER BY next_poll_at
                    LIMIT ?2
                    FOR UPDATE SKIP LOCKED)
                UPDATE feed f SET leased_until = ?3, lease_owner = ?4
                FROM due WHERE f.id = due.id
                RETURNING f.id, f.url, f.title, f.etag, f.last_modified, f.last_success_at, f.poll_interval_seconds
                """)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, now.plus(lease))
                .setParameter(4, owner)
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]), Duration.ofSeconds(((Number) r[6]).longValue()))).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}

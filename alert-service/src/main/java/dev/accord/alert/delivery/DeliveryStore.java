package dev.accord.alert.delivery;

import dev.accord.alert.channel.DeliveriesQueued;
import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.DeliveryAttempt;
import dev.accord.alert.domain.DeliveryStatus;
import dev.accord.alert.matching.SubscriptionChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Owns the SQL on the {@code delivery} and {@code delivery_attempt} tables: adds pending rows, claims and settles
 * them, hands claims back, and reads them for their owner. Claims and settlements run each in a short transaction
 * of its own so no database lock is held while a webhook call is in progress. {@code SKIP LOCKED} lets replicas
 * claim disjoint rows; a claim that outlives its timeout (its replica died) becomes claimable again. Plain JDBC:
 * these statements run once or twice per delivery, so the hot path skips the ORM.
 */
@ApplicationScoped
public class DeliveryStore {

    /**
     * A claimed delivery with what is needed to send it. {@code endpoint} is what the per-endpoint cap
     * counts: the webhook URL, or the subscription for e-mail. {@code previousSecret} is set only during a
     * rotation's overlap. {@code traceparent} is the catalog event's trace, which the attempt continues
     * (read by the claim, so an attempt needs no query of its own for it).
     */
    public record Claimed(UUID id, String payload, int attempts, String url, String secret, UUID subscriptionId,
            String eventType, String channelType, String previousSecret, boolean finalAttempt, String endpoint,
            String traceparent) {

        /** The secrets to sign with: current first, then the previous one while it still signs; none for e-mail. */
        public List<String> secrets() {
            if (secret == null) {
                return List.of();
            }
            return previousSecret == null ? List.of(secret) : List.of(secret, previousSecret);
        }
    }

    /** One row to add; {@code traceparent} is the trace its sends continue (null for none). */
    public record NewDelivery(UUID id, UUID subscriptionId, String eventId, String eventType, String payload,
            String traceparent) {
    }

    /** All rows of a batch in one statement: one array per column, unnested into rows by PostgreSQL. */
    private static final String INSERT_MANY = """
            INSERT INTO delivery (id, subscription_id, event_id, event_type, payload, traceparent, status, attempts,
                next_attempt_at, created_at)
            SELECT r.id, r.subscription_id, r.event_id, r.event_type, r.payload, r.traceparent, ?, 0, ?, ?
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS r (id, subscription_id, event_id, event_type, payload, traceparent)
            ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
            """;

    /** A delivery that failed: dead, or waiting for its next scheduled retry. */
    private static final String FAILED_FILTER = "(status = 'dead' OR (status = 'pending' AND attempts > 0))";

    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= ?
                  AND s.status <> 'disabled'
                  AND NOT (COALESCE(s.webhook_url, 'subscription:' || s.id) = ANY (?))
                ORDER BY d.next_attempt_at
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE delivery d SET status = 'in_flight', claimed_until = ?
            FROM due, subscription s
            WHERE d.id = due.id AND s.id = d.subscription_id
            RETURNING d.id, d.payload, d.attempts, s.webhook_url, s.webhook_secret, d.subscription_id, d.event_type,
                s.channel_type, CASE WHEN s.previous_secret_expires_at > ? THEN s.previous_webhook_secret END,
                d.final_attempt, COALESCE(s.webhook_url, 'subscription:' || s.id), d.traceparent
            """;

    /** Settles successful attempts, many at once: one round trip and one commit for the whole batch. */
    private static final String DELIVERED_ALL = """
            WITH v AS (
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::bigint[], ?::int[]) AS v(id, status, at_micros, latency_ms)),
            d AS (
                UPDATE delivery SET status = 'delivered', attempts = attempts + 1, last_status = v.status, last_error = NULL,
                    delivered_at = to_timestamp(v.at_micros / 1000000.0), claimed_until = NULL, final_attempt = false
                FROM v WHERE delivery.id = v.id RETURNING delivery.id, delivery.subscription_id),
            a AS (
                INSERT INTO delivery_attempt (delivery_id, attempted_at, status_code, latency_ms, error)
                SELECT v.id, to_timestamp(v.at_micros / 1000000.0), v.status, v.latency_ms, NULL FROM v JOIN d ON d.id = v.id)
            UPDATE subscription SET failing_since = NULL
            WHERE id IN (SELECT subscription_id FROM d) AND failing_since IS NOT NULL
            """;

    private static final String FAILED = """
            WITH d AS (
                UPDATE delivery SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                    next_attempt_at = COALESCE(?, next_attempt_at), claimed_until = NULL, final_attempt = false
                WHERE id = ? RETURNING id),
            a AS (
                INSERT INTO delivery_attempt (delivery_id, attempted_at, status_code, latency_ms, error)
                SELECT id, ?, ?, ?, ? FROM d)
            UPDATE subscription SET failing_since = COALESCE(failing_since, ?) WHERE id = ?
            RETURNING failing_since
            """;

    private static final String DISABLE = """
            UPDATE subscription SET status = 'disabled', disabled_reason = ?, disabled_at = ?, updated_at = ?
            WHERE id = ? AND status = 'active'
            """;

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final Event<SubscriptionChanged> changes;
    private final Event<DeliveriesQueued> queued;

    public DeliveryStore(AgroalDataSource dataSource, EntityManager em, Event<SubscriptionChanged> changes,
            Event<DeliveriesQueued> queued) {
        this.dataSource = dataSource;
        this.em = em;
        this.changes = changes;
        this.queued = queued;
    }

    /** Returns 1 when the row was added, 0 when this subscription already had one for {@code eventId}; it continues no trace. */
    public int enqueue(UUID id, UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        return enqueueAll(List.of(new NewDelivery(id, subscriptionId, eventId, eventType, payload, null)), now);
    }

    /**
     * Adds the rows in one statement, at most one per subscription and event id, in the caller's transaction;
     * returns how many were new (the others already existed).
     */
    public int enqueueAll(List<NewDelivery> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        // Plain JDBC does not flush the session as a query would: rows persisted earlier in this
        // transaction (a subscription just created) must reach the database before their deliveries.
        em.flush();
        int added = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_MANY)) {
                s.setString(1, DeliveryStatus.PENDING.wire());
                s.setTimestamp(2, Timestamp.from(now));
                s.setTimestamp(3, Timestamp.from(now));
                s.setArray(4, c.createArrayOf("uuid", rows.stream().map(NewDelivery::id).toArray()));
                s.setArray(5, c.createArrayOf("uuid", rows.stream().map(NewDelivery::subscriptionId).toArray()));
                s.setArray(6, c.createArrayOf("text", rows.stream().map(NewDelivery::eventId).toArray()));
                s.setArray(7, c.createArrayOf("text", rows.stream().map(NewDelivery::eventType).toArray()));
                s.setArray(8, c.createArrayOf("text", rows.stream().map(NewDelivery::payload).toArray()));
                s.setArray(9, c.createArrayOf("text", rows.stream().map(NewDelivery::traceparent).toArray()));
                return s.executeUpdate();
            }
        });
        announce(added);
        return added;
    }

    /** Claims up to {@code limit} due deliveries, none for the endpoints in {@code busyEndpoints}. */
    @Transactional
    public List<Claimed> claimDue(int limit, Duration claimTimeout, Collection<String> busyEndpoints) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            Array busy = c.createArrayOf("text", busyEndpoints.toArray());
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, busy);
            s.setInt(3, limit);
            s.setTimestamp(4, Timestamp.from(now.plus(claimTimeout)));
            s.setTimestamp(5, Timestamp.from(now));
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claimed.add(new Claimed(r.getObject(1, UUID.class), r.getString(2), r.getInt(3), r.getString(4),
                            r.getString(5), r.getObject(6, UUID.class), r.getString(7), r.getString(8), r.getString(9),
                            r.getBoolean(10), r.getString(11), r.getString(12)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim deliveries", e);
        }
    }

    /**
     * Makes rows whose claim timed out (their replica died mid-attempt) pending again. Kept apart from the
     * claim so that the claim's scan runs on the index of pending rows alone.
     */
    @Transactional
    public int reclaimExpired() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE delivery SET status = 'pending', claimed_until = NULL WHERE status = 'in_flight' AND claimed_until < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reclaim deliveries", e);
        }
    }

    /**
     * Hands claimed rows back untouched (their endpoint was at its cap, or this replica is stopping), for this or
     * another replica to take; returns how many were still claimed.
     */
    @Transactional
    public int release(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE delivery SET status = 'pending', claimed_until = NULL WHERE id = ANY (?) AND status = 'in_flight'")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release deliveries", e);
        }
    }

    /** A successful attempt waiting to be settled with others, see {@link #deliveredAll}. */
    public record Success(UUID id, int status, Instant at, int latencyMs) {
    }

    /** Settles many successful attempts, logs them and ends their endpoints' runs of failures, in one statement. */
    @Transactional
    public void deliveredAll(List<Success> successes) {
        if (successes.isEmpty()) {
            return;
        }
        int n = successes.size();
        UUID[] ids = new UUID[n];
        Integer[] statuses = new Integer[n];
        Long[] at = new Long[n];
        Integer[] latencies = new Integer[n];
        for (int i = 0; i < n; i++) {
            Success success = successes.get(i);
            ids[i] = success.id();
            statuses[i] = success.status();
            at[i] = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, success.at());
            latencies[i] = success.latencyMs();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DELIVERED_ALL)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("int4", statuses));
            s.setArray(3, c.createArrayOf("int8", at));
            s.setArray(4, c.createArrayOf("int4", latencies));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not settle " + n + " deliveries", e);
        }
    }

    /**
     * Records a failed attempt; {@code retryIn} null means no more attempts (dead). Returns since when the
     * subscription's endpoint has been failing without a success in between.
     */
    @Transactional
    public Optional<Instant> failed(Claimed delivery, int status, String error, Duration retryIn, Instant at, int latencyMs) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FAILED)) {
            s.setString(1, (retryIn == null ? DeliveryStatus.DEAD : DeliveryStatus.PENDING).wire());
            setStatus(s, 2, status);
            s.setString(3, error);
            s.setTimestamp(4, retryIn == null ? null : Timestamp.from(at.plus(retryIn)));
            s.setObject(5, delivery.id());
            s.setTimestamp(6, Timestamp.from(at));
            setStatus(s, 7, status);
            s.setInt(8, latencyMs);
            s.setString(9, error);
            s.setTimestamp(10, Timestamp.from(at));
            s.setObject(11, delivery.subscriptionId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getTimestamp(1)).map(Timestamp::toInstant) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not settle delivery " + delivery.id(), e);
        }
    }

    /** Disables an active subscription; returns whether this call did it. */
    @Transactional
    public boolean disable(UUID subscriptionId, String reason, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DISABLE)) {
            s.setString(1, reason);
            s.setTimestamp(2, Timestamp.from(at));
            s.setTimestamp(3, Timestamp.from(at));
            s.setObject(4, subscriptionId);
            if (s.executeUpdate() == 0) {
                return false;
            }
            // This replica's index drops it at commit; the others on their next refresh (updated_at is set).
            changes.fire(new SubscriptionChanged(subscriptionId, null));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not disable subscription " + subscriptionId, e);
        }
    }

    /** A subscription's latest deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> recent(UUID subscriptionId, int limit) {
        return Delivery.find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId).page(0, limit).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Delivery> find(UUID id) {
        return Delivery.findByIdOptional(id);
    }

    /** Every attempt at one delivery, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        List<Object[]> rows = em.createNativeQuery("SELECT attempted_at, status_code, latency_ms, error FROM delivery_attempt "
                + "WHERE delivery_id = ?1 ORDER BY id").setParameter(1, deliveryId).getResultList();
        return rows.stream().map(r -> new DeliveryAttempt(instant(r[0]), (Integer) r[1], (Integer) r[2], (String) r[3]))
                .toList();
    }

    /**
     * Makes the subscription's failed deliveries created at or after {@code since} due at {@code now}; a dead one
     * gets one final attempt. Returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int requeueFailed(UUID subscriptionId, Instant since, Instant now) {
        int count = em.createNativeQuery("UPDATE delivery SET final_attempt = (status = 'dead'), status = 'pending', "
                + "next_attempt_at = ?1 WHERE subscription_id = ?2 AND created_at >= ?3 AND " + FAILED_FILTER)
                .setParameter(1, now)
                .setParameter(2, subscriptionId)
                .setParameter(3, since)
                .executeUpdate();
        announce(count);
        return count;
    }

    /** Ends the subscription's deliveries not yet attempted as dead, with the reason; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(UUID subscriptionId, String reason) {
        return (int) Delivery.update("status = ?1, lastError = ?2 where subscriptionId = ?3 and status = ?4",
                DeliveryStatus.DEAD, reason, subscriptionId, DeliveryStatus.PENDING);
    }

    /** Wakes the worker: {@code count} deliveries became due. */
    public void announce(int count) {
        if (count > 0) {
            queued.fire(new DeliveriesQueued(count));
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static void setStatus(PreparedStatement s, int index, int status) throws SQLException {
        if (status == 0) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, status);
        }
    }
}

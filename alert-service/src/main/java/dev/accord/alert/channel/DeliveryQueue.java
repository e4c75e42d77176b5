package dev.accord.alert.channel;

import dev.accord.alert.domain.DeliveryStatus;
import dev.accord.alert.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Adds pending rows for the delivery worker, at most one per subscription and event id. */
@ApplicationScoped
public class DeliveryQueue {

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

    private final EntityManager em;
    private final Event<DeliveriesQueued> queued;

    public DeliveryQueue(EntityManager em, Event<DeliveriesQueued> queued) {
        this.em = em;
        this.queued = queued;
    }

    /** Returns 1 when the row was added, 0 when this subscription already had one for {@code eventId}; it continues no trace. */
    public int enqueue(UUID id, UUID subscriptionId, String eventId, String eventType, String payload, Instant now) {
        return enqueueAll(List.of(new NewDelivery(id, subscriptionId, eventId, eventType, payload, null)), now);
    }

    /** Adds the rows in one statement; returns how many were new (the others already existed). */
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
        if (added > 0) {
            queued.fire(new DeliveriesQueued(added));
        }
        return added;
    }
}

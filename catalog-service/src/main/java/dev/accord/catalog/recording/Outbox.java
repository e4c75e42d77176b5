package dev.accord.catalog.recording;

import dev.accord.catalog.domain.OutboxEvent;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Makes catalog change events into outbox rows, and tells the relay when the caller's transaction wrote some. */
@ApplicationScoped
public class Outbox {

    private final Event<OutboxRowsWritten> written;

    public Outbox(Event<OutboxRowsWritten> written) {
        this.written = written;
    }

    /**
     * Tells the relay that the caller's transaction wrote {@code count} rows of {@link #event}s itself, so that they
     * are relayed as soon as it commits rather than at the relay's next poll.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void written(int count) {
        if (count > 0) {
            written.fire(new OutboxRowsWritten(count));
        }
    }

    /**
     * An event about {@code aggregateId} (the Kafka key), as the row the caller inserts. Its {@code ce_id} is derived
     * from the type, the aggregate and {@code cause} (what made the change, e.g. the consumed mention), so the same
     * change always carries the same id, even when replayed into a rebuilt database. {@code traceparent} (may be
     * null) is the trace the relay publishes the event in.
     */
    public OutboxEvent event(String eventType, UUID aggregateId, String cause, Object data, String traceparent) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = EventIds.eventId(eventType, aggregateId, cause);
        event.eventType = eventType;
        event.aggregateId = aggregateId;
        event.payload = EventJson.write(data);
        event.createdAt = Instant.now();
        event.traceparent = traceparent;
        return event;
    }
}

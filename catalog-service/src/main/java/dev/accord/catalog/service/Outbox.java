package dev.accord.catalog.service;

import dev.accord.catalog.domain.OutboxEvent;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Writes catalog change events into the outbox, inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String eventType, UUID aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.eventType = eventType;
        event.aggregateId = aggregateId;
        event.payload = EventJson.write(data);
        event.createdAt = Instant.now();
        event.persist();
    }

}

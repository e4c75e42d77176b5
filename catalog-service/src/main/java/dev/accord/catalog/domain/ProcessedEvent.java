package dev.accord.catalog.domain;

import io.quarkus.hibernate.orm.panache.Panache;

/** The log of consumed CloudEvent ids that makes redelivered records change nothing. */
public final class ProcessedEvent {

    private ProcessedEvent() {
    }

    /** Records {@code eventId} in the current transaction; false when it was processed before. */
    public static boolean markProcessed(String eventId) {
        int inserted = Panache.getEntityManager()
                .createNativeQuery("INSERT INTO processed_event (event_id, processed_at) VALUES (?1, now()) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}

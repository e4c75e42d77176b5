package dev.accord.common.logging;

import org.jboss.logging.MDC;

/**
 * Puts the id of the event being handled into the logging MDC ({@code eventId}), so every line logged
 * while handling it names the event, in plain and in JSON logs. Use with try-with-resources; closing
 * restores what was there before, so nested handling and pooled threads stay correct.
 */
public final class EventLogContext implements AutoCloseable {

    /** The MDC key; JSON logs show it as a field of that name. */
    public static final String EVENT_ID = "eventId";

    private final Object previous;

    private EventLogContext(Object previous) {
        this.previous = previous;
    }

    public static EventLogContext of(String eventId) {
        Object previous = MDC.get(EVENT_ID);
        if (eventId == null) {
            MDC.remove(EVENT_ID);
        } else {
            MDC.put(EVENT_ID, eventId);
        }
        return new EventLogContext(previous);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(EVENT_ID);
        } else {
            MDC.put(EVENT_ID, previous);
        }
    }
}

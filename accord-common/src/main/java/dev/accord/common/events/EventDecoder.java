package dev.accord.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Turns a consumed record's data into its contract record, or refuses it with
 * {@link InvalidEventException} when it is not JSON or breaks its schema. Consumers send refused
 * records to the dead-letter topic rather than retrying them: they will never become valid.
 */
public final class EventDecoder {

    private EventDecoder() {
    }

    public static <T> T decode(String eventType, String data, Class<T> type) {
        if (data == null || data.isBlank()) {
            throw new InvalidEventException("The event has no data");
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("The event data is not JSON: " + e.getOriginalMessage());
        }
        String schema;
        try {
            schema = EventSchemas.forType(eventType);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("Unknown event type '" + eventType + "'");
        }
        List<String> violations = EventSchemas.violations(schema, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("The event data violates " + schema + ": " + String.join("; ", violations));
        }
        try {
            return EventJson.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("The event data does not map to " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** A record that can never be processed: it belongs on the dead-letter topic. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}

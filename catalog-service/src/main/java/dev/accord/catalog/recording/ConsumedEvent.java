package dev.accord.catalog.recording;

import java.time.Instant;

/**
 * A decoded event from Kafka: its CloudEvents id, when its producer published it, its data, and the
 * W3C {@code traceparent} it arrived with (null when it carried none).
 */
public record ConsumedEvent<T>(String eventId, Instant publishedAt, T data, String traceparent) {

    public ConsumedEvent(String eventId, Instant publishedAt, T data) {
        this(eventId, publishedAt, data, null);
    }
}

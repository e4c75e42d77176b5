package dev.accord.common.messaging;

import dev.accord.common.events.EventDecoder;
import dev.accord.common.tracing.TraceParents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A Kafka record read as a binary-mode CloudEvent (the Kafka protocol binding: attributes in
 * {@code ce_*} headers, data in the value): its id, type and time, when the record was published,
 * the data, and the W3C {@code traceparent} it carried (null if none).
 *
 * @param time the event's {@code ce_time}, or the record's timestamp when it has none
 */
public record CloudEventRecord(String id, String type, Instant time, Instant publishedAt, String data, String traceparent) {

    /** Reads the record's attributes; a record that is not a binary-mode CloudEvent is refused for the DLQ. */
    public static CloudEventRecord of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id == null || id.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_id");
        }
        String type = header(record, "ce_type");
        if (type == null || type.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_type");
        }
        Instant publishedAt = Instant.ofEpochMilli(record.timestamp());
        return new CloudEventRecord(id, type, time(header(record, "ce_time"), publishedAt), publishedAt, record.value(),
                header(record, TraceParents.HEADER));
    }

    /** Refuses the record unless it is of {@code expected} type. */
    public CloudEventRecord requireType(String expected) {
        if (!expected.equals(type)) {
            throw new EventDecoder.InvalidEventException("Expected a " + expected + " event, got " + type);
        }
        return this;
    }

    private static Instant time(String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new EventDecoder.InvalidEventException("ce_time is not an RFC 3339 timestamp: " + value);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package dev.accord.common.messaging;

import dev.accord.common.events.EventDecoder;
import dev.accord.common.tracing.TraceParents;
import java.net.URI;
import java.net.URISyntaxException;
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
 * <p>This is the one reading of CloudEvent attributes on every incoming channel. The connector's own
 * ({@code cloud-events=true}) is switched off there: it parses {@code ce_time} and {@code ce_source}
 * while building the message and throws on a malformed one, which stops the channel before the record
 * can be dead-lettered. Here every attribute the spec requires is checked and a record that breaks it
 * is refused for the DLQ with the reason.
 *
 * @param time the event's {@code ce_time}, or the record's timestamp when it has none
 */
public record CloudEventRecord(String id, String type, Instant time, Instant publishedAt, String data, String traceparent) {

    private static final String SPEC_VERSION = "1.0";

    /** Reads the record's attributes; a record that is not a binary-mode CloudEvent is refused for the DLQ. */
    public static CloudEventRecord of(ConsumerRecord<String, String> record) {
        String specVersion = header(record, "ce_specversion");
        if (specVersion == null || specVersion.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_specversion");
        }
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new EventDecoder.InvalidEventException("ce_specversion " + specVersion + " is not " + SPEC_VERSION);
        }
        String id = header(record, "ce_id");
        if (id == null || id.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_id");
        }
        String type = header(record, "ce_type");
        if (type == null || type.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_type");
        }
        requireSource(header(record, "ce_source"));
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

    /** The spec: a non-empty URI-reference. */
    private static void requireSource(String source) {
        if (source == null || source.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_source");
        }
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw new EventDecoder.InvalidEventException("ce_source is not a URI reference: " + source);
        }
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

package dev.accord.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.common.events.EventDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventRecordTest {

    private static final long TIMESTAMP = 1_700_000_000_000L;

    @Test
    void aBinaryModeRecordIsReadWithItsAttributes() {
        Map<String, String> headers = valid();
        headers.put("ce_time", "2024-04-10T12:30:00.5+09:00");
        headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        CloudEventRecord event = CloudEventRecord.of(record(headers));
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("accord.test");
        assertThat(event.time()).isEqualTo(Instant.parse("2024-04-10T03:30:00.5Z"));
        assertThat(event.publishedAt()).isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
        assertThat(event.data()).isEqualTo("{}");
        assertThat(event.traceparent()).startsWith("00-0af7");
        assertThat(CloudEventRecord.of(record(valid())).time()).as("no ce_time: the record's timestamp")
                .isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
    }

    @Test
    void eachAttributeTheSpecRequiresIsChecked() {
        for (String required : new String[] {"ce_specversion", "ce_id", "ce_type", "ce_source"}) {
            Map<String, String> headers = valid();
            headers.remove(required);
            assertThatThrownBy(() -> CloudEventRecord.of(record(headers))).as(required)
                    .isInstanceOf(EventDecoder.InvalidEventException.class).hasMessageContaining("has no " + required);
        }
    }

    @Test
    void malformedAttributesAreRefusedWithTheReason() {
        assertRefused("ce_specversion", "0.3", "ce_specversion 0.3 is not 1.0");
        assertRefused("ce_source", "not a uri ^", "ce_source is not a URI reference");
        assertRefused("ce_time", "yesterday at noon", "ce_time is not an RFC 3339 timestamp");
    }

    private static void assertRefused(String header, String value, String reason) {
        Map<String, String> headers = valid();
        headers.put(header, value);
        assertThatThrownBy(() -> CloudEventRecord.of(record(headers))).isInstanceOf(EventDecoder.InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    private static Map<String, String> valid() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "e-1");
        headers.put("ce_type", "accord.test");
        headers.put("ce_source", "/accord/tests");
        return headers;
    }

    private static ConsumerRecord<String, String> record(Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>("accord.test", 0, 0, TIMESTAMP, TimestampType.CREATE_TIME, -1, 2, "key", "{}", kafkaHeaders,
                Optional.empty());
    }
}

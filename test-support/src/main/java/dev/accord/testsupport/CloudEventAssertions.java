package dev.accord.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventSchemas;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Checks a Kafka record against the event contract of docs/architecture.md: CloudEvents 1.0 binary mode plus the data's JSON Schema. */
public final class CloudEventAssertions {

    private CloudEventAssertions() {
    }

    /** Asserts the record is a binary-mode CloudEvent of {@code type} whose data conforms; returns the data. */
    public static JsonNode assertCloudEvent(TopicReader.Read record, String type) {
        assertThat(record.header("ce_specversion")).as("ce_specversion").isEqualTo("1.0");
        assertThat(record.header("ce_type")).as("ce_type").isEqualTo(type);
        assertThat(UUID.fromString(record.header("ce_id"))).as("ce_id").isNotNull();
        assertThat(record.header("ce_source")).as("ce_source").isNotBlank();
        assertThat(record.header("ce_subject")).as("ce_subject").isEqualTo(record.key());
        assertThat(OffsetDateTime.parse(record.header("ce_time"))).as("ce_time").isNotNull();
        assertThat(record.header("content-type")).as("content-type").isEqualTo("application/json");
        try {
            JsonNode data = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.violations(EventSchemas.forType(type), data)).as("schema violations").isEmpty();
            return data;
        } catch (JsonProcessingException e) {
            throw new AssertionError("Record data is not JSON: " + record.value(), e);
        }
    }
}

package dev.accord.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against a real broker: parked records are listed with their reason and replayed to their topic once. */
class DeadLettersTest {

    private final String topic = "accord.test-" + UUID.randomUUID();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final DeadLetters tool = new DeadLetters(TestKafka.bootstrapServers(),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void listsParkedRecordsAndReplaysEachOnceWithItsCloudEventHeaders() throws Exception {
        TestKafka.createTopics(List.of(topic, topic + ".dlq"));
        park("evt-1", "{\"broken\":true}", "Schema violation: $.id is missing");
        park("evt-2", "not json", "Unrecognized token 'not'");

        assertThat(tool.list(topic)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("evt-1", "Schema violation: $.id is missing", "evt-2", "Unrecognized token", "2 record(s)");

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
            assertThat(tool.replay(topic + ".dlq")).isEqualTo(2);
            List<TopicReader.Read> replayed = reader.awaitRecords(r -> true, 2, Duration.ofSeconds(30));
            assertThat(replayed).extracting(r -> r.header("ce_id")).containsExactlyInAnyOrder("evt-1", "evt-2");
            assertThat(replayed).allSatisfy(r -> {
                assertThat(r.headers()).doesNotContainKeys("dead-letter-reason", "dead-letter-topic");
                assertThat(r.header(DeadLetters.REPLAYED_FROM)).startsWith(topic + ".dlq/");
                assertThat(r.header("ce_type")).isEqualTo("accord.test.event");
            });

            // Only what was parked since the last replay goes again.
            assertThat(tool.replay(topic)).isZero();
            park("evt-3", "{}", "late failure");
            assertThat(tool.replay(topic)).isEqualTo(1);
            assertThat(reader.awaitRecords(r -> "evt-3".equals(r.header("ce_id")), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(reader.drain()).extracting(r -> r.header("ce_id")).containsExactlyInAnyOrder("evt-1", "evt-2", "evt-3");
        }
        printed.reset();
        tool.list(topic);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[replayed]");
    }

    @Test
    void anUnknownTopicIsAClearError() {
        assertThatThrownBy(() -> tool.list("accord.nothing-" + UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No topic");
    }

    private void park(String ceId, String value, String reason) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic + ".dlq", ceId, value);
            record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "accord.test.event".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", topic.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}

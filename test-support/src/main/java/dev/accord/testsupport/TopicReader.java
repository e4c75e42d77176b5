package dev.accord.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its beginning as an independent consumer would (own group), keeping every
 * record with its headers, so tests can assert on exactly what was published.
 */
public final class TopicReader implements AutoCloseable {

    /** A record as read: key, value and headers decoded as UTF-8. */
    public record Read(String topic, String key, String value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Read> records = new CopyOnWriteArrayList<>();

    public TopicReader(String bootstrapServers, String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until {@code count} records match, or fails after {@code timeout}; returns the matches. */
    public List<Read> awaitRecords(Predicate<Read> matching, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return records.stream().filter(matching).count() >= count;
        });
        return records.stream().filter(matching).toList();
    }

    /** Everything read so far after one more poll. */
    public List<Read> drain() {
        poll();
        return List.copyOf(records);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            records.add(new Read(record.topic(), record.key(), record.value(), headers));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

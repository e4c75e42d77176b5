package dev.accord.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Lag counts records still to read, not the markers that transactions leave at a partition's end. */
class ConsumerLagReportTest {

    @Test
    void aGroupThatReadEveryTransactionalRecordHasNoLagAndNewRecordsCountOnce() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String topic = "lag-report-" + UUID.randomUUID();
        String group = "lag-group-" + UUID.randomUUID();
        TestKafka.createTopics(List.of(topic));
        try (KafkaProducer<String, String> producer = transactionalProducer(bootstrap);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            producer.initTransactions();
            for (int i = 0; i < 6; i++) {
                // Six transactions of one record: six markers after the records.
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "v" + i));
                producer.commitTransaction();
            }
            consumeAllAndCommit(bootstrap, topic, group, 6);

            assertThat(ConsumerLagReport.lag(admin, group, bootstrap)).containsEntry(topic, 0L);

            for (int i = 0; i < 3; i++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "w" + i));
                producer.commitTransaction();
            }
            assertThat(ConsumerLagReport.lag(admin, group, bootstrap)).containsEntry(topic, 3L);
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-report-" + UUID.randomUUID());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** As the services commit: the offset after the last record processed, which is where its marker sits. */
    private static void consumeAllAndCommit(String bootstrap, String topic, String group, int records) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            ConsumerRecord<String, String> last = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    last = record;
                }
            }
            assertThat(seen).isEqualTo(records);
            consumer.commitSync(Map.of(new TopicPartition(topic, last.partition()), new OffsetAndMetadata(last.offset() + 1)));
        }
    }
}

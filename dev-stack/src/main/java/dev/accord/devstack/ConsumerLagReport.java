package dev.accord.devstack;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * For {@code ./accord status}: how far each consumer group is behind, per topic: the records it has still to
 * read, summed over the partitions, so a stuck consumer shows at a glance. The end offset minus the committed
 * offset is not that on topics written in transactions: each commit leaves a marker that takes an offset but is
 * no record, so an idle consumer would look behind by one per transaction at a partition's end. Where the
 * difference is small the records are read (read_committed) and counted; larger gaps are shown as they are.
 *
 * <p>Usage: {@code ConsumerLagReport [bootstrap-servers]} (default {@code KAFKA_BOOTSTRAP_SERVERS} or localhost:9092).
 */
public final class ConsumerLagReport {

    private ConsumerLagReport() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = Args.valueAt(args, 0, "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(config)) {
            Collection<GroupListing> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(10, TimeUnit.SECONDS);
            if (groups.isEmpty()) {
                System.out.println("  (no consumer groups yet)");
                return;
            }
            for (String group : groups.stream().map(GroupListing::groupId).sorted().collect(Collectors.toList())) {
                report(admin, group, bootstrap);
            }
        }
    }

    /** Gaps up to this many offsets are read and their records counted. */
    private static final long MAX_COUNTED = 10_000;

    /** The records (not transaction markers) from each partition's committed offset to its end. */
    private static Map<TopicPartition, Long> countRecords(String bootstrap, Map<TopicPartition, long[]> ranges) {
        Map<TopicPartition, Long> counts = new HashMap<>();
        if (ranges.isEmpty()) {
            return counts;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(ranges.keySet());
            ranges.forEach((tp, range) -> {
                consumer.seek(tp, range[0]);
                counts.put(tp, 0L);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && ranges.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey()) < e.getValue()[1])) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ranges.get(tp)[1]) {
                        counts.merge(tp, 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static void report(Admin admin, String group, String bootstrap) throws Exception {
        Map<String, Long> lagByTopic = lag(admin, group, bootstrap);
        if (lagByTopic.isEmpty()) {
            System.out.printf("  %-28s (no committed offsets yet)%n", group);
        }
        lagByTopic.forEach((topic, lag) -> System.out.printf("  %-28s %-24s lag %d%n", group, topic, lag));
    }

    /** Records each topic holds that the group has not consumed yet, by topic. */
    static Map<String, Long> lag(Admin admin, String group, String bootstrap) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);

        Map<String, Long> lagByTopic = new TreeMap<>();
        Map<TopicPartition, long[]> toCount = new HashMap<>();
        committed.forEach((tp, offset) -> {
            long end = ends.get(tp).offset();
            long from = offset == null ? 0 : offset.offset();
            long gap = Math.max(0, end - from);
            if (gap > 0 && gap <= MAX_COUNTED) {
                toCount.put(tp, new long[] {from, end});
            } else {
                lagByTopic.merge(tp.topic(), gap, Long::sum);
            }
        });
        countRecords(bootstrap, toCount).forEach((tp, records) -> lagByTopic.merge(tp.topic(), records, Long::sum));
        return lagByTopic;
    }
}

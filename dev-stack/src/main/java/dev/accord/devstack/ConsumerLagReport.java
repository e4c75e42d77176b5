package dev.accord.devstack;

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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * For {@code ./accord status}: how far each consumer group is behind, per topic (the sum over its
 * partitions of end offset minus committed offset), so a stuck consumer shows at a glance.
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
                report(admin, group);
            }
        }
    }

    private static void report(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);

        Map<String, Long> lagByTopic = new TreeMap<>();
        committed.forEach((tp, offset) -> {
            long end = ends.get(tp).offset();
            long lag = offset == null ? end : Math.max(0, end - offset.offset());
            lagByTopic.merge(tp.topic(), lag, Long::sum);
        });
        if (lagByTopic.isEmpty()) {
            System.out.printf("  %-28s (no committed offsets yet)%n", group);
        }
        lagByTopic.forEach((topic, lag) -> System.out.printf("  %-28s %-24s lag %d%n", group, topic, lag));
    }
}

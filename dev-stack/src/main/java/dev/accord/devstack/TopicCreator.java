package dev.accord.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Accord's topics and their dead-letter twins before the services start, so they get
 * Accord's partition count and replication rather than whatever a broker would auto-create.
 * Existing topics are left as they are.
 *
 * <p>Usage: {@code TopicCreator [bootstrap-servers] [replication-factor] [partitions]}
 * (defaults: {@code KAFKA_BOOTSTRAP_SERVERS} or localhost:9092, {@code ACCORD_TOPIC_REPLICATION} or 1,
 * {@code ACCORD_TOPIC_PARTITIONS} or 6).
 */
public final class TopicCreator {

    static final List<String> TOPICS = List.of("accord.articles", "accord.initiatives", "accord.catalog");
    static final String DLQ_SUFFIX = ".dlq";

    /** How long to wait for a broker that is still starting. */
    private static final int ATTEMPTS = 60;

    private TopicCreator() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = Args.valueAt(args, 0, "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        short replication = Short.parseShort(Args.valueAt(args, 1, "ACCORD_TOPIC_REPLICATION", "1"));
        int partitions = Integer.parseInt(Args.valueAt(args, 2, "ACCORD_TOPIC_PARTITIONS", "6"));

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(config)) {
            awaitBroker(admin, bootstrap);
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : allTopics()) {
                if (existing.contains(topic)) {
                    System.out.println("TopicCreator: " + topic + " exists");
                } else {
                    missing.add(new NewTopic(topic, partitions, replication));
                }
            }
            create(admin, missing);
        }
    }

    static List<String> allTopics() {
        List<String> all = new ArrayList<>();
        for (String topic : TOPICS) {
            all.add(topic);
            all.add(topic + DLQ_SUFFIX);
        }
        return all;
    }

    private static void awaitBroker(Admin admin, String bootstrap) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                int brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                System.out.printf("TopicCreator: Kafka at %s answers (%d broker%s)%n", bootstrap, brokers,
                        brokers == 1 ? "" : "s");
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("Kafka at " + bootstrap + " did not answer after "
                            + ATTEMPTS + " attempts", e);
                }
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    private static void create(Admin admin, List<NewTopic> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        for (NewTopic topic : topics) {
            String name = topic.name();
            try {
                results.get(name).get(30, TimeUnit.SECONDS);
                System.out.printf("TopicCreator: created %s (%d partitions, replication %d)%n", name,
                        topic.numPartitions(), topic.replicationFactor());
            } catch (ExecutionException e) {
                // Another process (a second ./accord, a service) created it meanwhile: that is fine.
                if (e.getCause() instanceof TopicExistsException) {
                    System.out.println("TopicCreator: " + name + " exists");
                } else {
                    throw new IllegalStateException("Could not create " + name, e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not confirm " + name + " in time", e);
            }
        }
    }
}

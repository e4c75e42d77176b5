package dev.accord.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM: the one named by {@code KAFKA_BOOTSTRAP_SERVERS}, else a
 * Testcontainers broker where Docker runs, else an Apache Kafka KRaft broker inside this JVM.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class);
    private static final int PARTITIONS = 6;
    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start();
        }
        return bootstrapServers;
    }

    private static String start() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            LOG.infof("Tests use the Kafka broker at %s", external);
            return external;
        }
        if (Docker.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            LOG.infof("Tests use a Kafka container at %s", container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withAdditionalProperties(p -> {
                    p.put("num.partitions", String.valueOf(PARTITIONS));
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "6");
                });
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        LOG.infof("Tests use an in-JVM Kafka KRaft broker at %s", broker.getAdvertisedListeners());
        return broker.getAdvertisedListeners();
    }

    /** Creates the topics that are missing, with Accord's default partition count. */
    public static void createTopics(List<String> topics) {
        createTopics(bootstrapServers(), topics);
    }

    /** Creates the topics that are missing on the broker at {@code bootstrapServers}. */
    public static void createTopics(String bootstrapServers, List<String> topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("Could not create topics " + topics, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

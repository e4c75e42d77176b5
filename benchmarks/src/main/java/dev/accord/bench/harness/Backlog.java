package dev.accord.bench.harness;

import dev.accord.common.events.Topics;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What earlier steps left for the services to do: records their consumer groups have not committed,
 * catalog outbox rows not yet relayed. A step waits for it to drain before it measures, so that its
 * figure is neither credited with earlier work nor slowed down by it.
 */
final class Backlog implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Ingest counts as done with its queued requests once accord.articles has had no new record this long. */
    private static final Duration INGEST_QUIET = Duration.ofSeconds(5);
    private static final Duration INGEST_IDLE_TIMEOUT = Duration.ofSeconds(600);

    private final Admin admin;
    private final Connection connection;

    Backlog(Options options) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        admin = Admin.create(config);
        connection = PostgresBaseline.connect(options);
    }

    /**
     * Before a round: waits until ingest has stopped publishing and everything down to alert-service's consumer
     * has drained, up to {@code --timeout} seconds, so that a round's baselines and loads do not share the box
     * with the previous round's backlog. Reports what was left, if anything, and goes on.
     */
    static void settle(Options options) throws Exception {
        try (Backlog backlog = new Backlog(options)) {
            backlog.awaitIngestQuiet();
            backlog.await("pipeline, earlier rounds", backlog::pipeline, options.seconds("timeout"), null);
        }
    }

    /** Waits until ingest has stopped writing accord.articles (see {@link #awaitQuiet}). */
    void awaitIngestQuiet() throws Exception {
        awaitQuiet(Topics.ARTICLES, INGEST_QUIET, INGEST_IDLE_TIMEOUT);
    }

    /** Events on the catalog's input topics it has not consumed. */
    long catalog() throws Exception {
        return lag("catalog-service", Topics.INITIATIVES) + lag("catalog-service", Topics.ARTICLES);
    }

    /** Catalog change events not relayed yet plus those alert-service has not consumed. */
    long alerts() throws Exception {
        return pendingOutbox() + lag("alert-service", Topics.CATALOG);
    }

    /** Everything from ingest's topics down to alert-service's consumer. */
    long pipeline() throws Exception {
        return catalog() + alerts();
    }

    /**
     * Polls {@code remaining} until it is 0 or {@code timeout} has passed; returns what is left (0 when
     * drained). With a {@code health} watch (may be null), stops early by throwing {@link NotReady}
     * when the service watched stays not ready: it would not drain, and waiting on would only run
     * into the timeout.
     */
    long await(String what, Remaining remaining, Duration timeout, HealthWatch health) throws Exception {
        long start = System.nanoTime();
        long left;
        while ((left = remaining.get()) > 0) {
            if (health != null) {
                health.check();
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                System.out.printf("  %s: %d still pending after %d s%n", what, left, timeout.toSeconds());
                return left;
            }
            Thread.sleep(POLL.toMillis());
        }
        System.out.printf("  %s: drained after %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * Waits until nothing new has been written to {@code topic} for {@code quiet}, or {@code timeout}
     * has passed: a producer that is still working off queued requests (ingest after an open-model load
     * beyond its capacity, whose clients have given up on their requests) keeps writing to it.
     */
    void awaitQuiet(String topic, Duration quiet, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long lastChange = start;
        long last = endOffsets(topic);
        while (System.nanoTime() - lastChange < quiet.toNanos()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                System.out.printf("  %s still growing after %d s; going on%n", topic, timeout.toSeconds());
                return;
            }
            Thread.sleep(POLL.toMillis());
            long now = endOffsets(topic);
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
        System.out.printf("  %s: no new records for %d s, after %.1f s%n", topic, quiet.toSeconds(),
                (System.nanoTime() - start) / 1e9);
    }

    private long endOffsets(String topic) throws Exception {
        return latestOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    long pendingOutbox() throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM catalog.outbox WHERE published_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Records of {@code topic} that consumer group {@code group} has not committed yet. */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : latestOffsets(topic).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            // A transaction's commit marker takes the offset after its last record, and a consumer
            // commits the record's offset + 1: one left per partition of a transactional topic is none.
            lag += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()) - 1);
        }
        return lag;
    }

    /** The end offset of each partition of {@code topic}. */
    private Map<TopicPartition, Long> latestOffsets(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    Connection connection() {
        return connection;
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() throws Exception {
        try (connection) {
            admin.close();
        }
    }

    /** A count polled until it reaches 0. */
    @FunctionalInterface
    interface Remaining {
        long get() throws Exception;
    }

    /**
     * Watches one service's readiness while a step waits on it: a service that stays not ready (a
     * consumer stopped, its database gone) will not catch up, so the wait ends with the reason.
     */
    static final class HealthWatch {
        private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

        private final HttpClient client;
        private final String readyUrl;
        private final Duration grace;
        private long lastCheck;
        private long downSince = -1;

        /** {@code serviceUrl} may be empty: nothing is watched. */
        static HealthWatch of(String serviceUrl, Duration grace) {
            return serviceUrl == null || serviceUrl.isEmpty() ? null
                    : new HealthWatch(Http.client(), serviceUrl + "/q/health/ready", grace);
        }

        private HealthWatch(HttpClient client, String readyUrl, Duration grace) {
            this.client = client;
            this.readyUrl = readyUrl;
            this.grace = grace;
        }

        /** Throws {@link NotReady} once the service has answered not ready (or not at all) for longer than the grace. */
        void check() throws InterruptedException {
            long now = System.nanoTime();
            if (now - lastCheck < CHECK_EVERY.toNanos()) {
                return;
            }
            lastCheck = now;
            String problem;
            try {
                HttpResponse<String> response = Http.get(client, readyUrl);
                problem = response.statusCode() == 200 ? null : response.statusCode() + " " + response.body().replaceAll("\\s+", " ");
            } catch (java.io.IOException e) {
                problem = "no answer: " + e.getMessage();
            }
            if (problem == null) {
                downSince = -1;
                return;
            }
            if (downSince < 0) {
                downSince = now;
            } else if (now - downSince > grace.toNanos()) {
                throw new NotReady(readyUrl + " not ready for " + Duration.ofNanos(now - downSince).toSeconds() + " s: "
                        + (problem.length() > 300 ? problem.substring(0, 300) + "…" : problem));
            }
        }
    }

    /** The service watched stayed not ready: what the step waited for will not come. */
    static final class NotReady extends RuntimeException {
        NotReady(String message) {
            super(message);
        }
    }
}

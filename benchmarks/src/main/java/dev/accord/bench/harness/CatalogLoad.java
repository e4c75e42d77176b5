package dev.accord.bench.harness;

import dev.accord.common.events.Topics;
import dev.accord.testsupport.load.SyntheticInitiatives;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka → catalog stored: N initiative events (binary-mode CloudEvents, valid initiative-extracted.v1)
 * are written to accord.initiatives as fast as the producer goes, and the clock runs until the
 * catalog's database holds a mention for every one of them. Each event reports a new initiative, so
 * the catalog stores one mention (and one entry) per event.
 */
final class CatalogLoad {

    private static final Duration POLL = Duration.ofMillis(100);
    /** How long the catalog may report not ready before the step stops waiting for it (a restart of its consumer fits). */
    private static final Duration NOT_READY_GRACE = Duration.ofSeconds(30);

    private CatalogLoad() {
    }

    static void run(Options options) throws Exception {
        Measurements out = Measurements.from(options);
        String metric = options.string("metric", "catalog.rows_per_s");
        Duration timeout = options.seconds("timeout");
        SyntheticInitiatives source = new SyntheticInitiatives(System.nanoTime());
        Duration settleTimeout = options.string("settle", "").isEmpty() ? timeout : options.seconds("settle");
        Backlog.HealthWatch health = Backlog.HealthWatch.of(options.string("catalog", ""), NOT_READY_GRACE);
        try (Backlog backlog = new Backlog(options)) {
            long left = backlog.await("catalog, earlier loads", backlog::catalog, settleTimeout, health);
            if (left > 0) {
                // Counting mentions now would credit this load with the earlier loads' events.
                out.unavailable(metric, String.format("not measured: the catalog still had %d events of earlier loads to"
                        + " consume after waiting %d s", left, settleTimeout.toSeconds()));
                return;
            }
            load(options, out, metric, timeout, source, backlog.connection(), health);
        } catch (Backlog.NotReady e) {
            System.out.println("  catalog: " + e.getMessage());
            out.unavailable(metric, "not measured: " + e.getMessage());
        }
    }

    private static void load(Options options, Measurements out, String metric, Duration timeout, SyntheticInitiatives source,
            Connection connection, Backlog.HealthWatch health) throws Exception {
        long before = stored(connection);
        // --fill-to N: as many events as the catalog lacks to hold N initiatives (each event is a new one).
        int count = options.string("fill-to", "").isEmpty() ? options.integer("events")
                : (int) Math.max(0, options.integer("fill-to") - entries(connection));
        if (count == 0) {
            System.out.println("  catalog already holds " + entries(connection) + " initiatives");
            return;
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        AtomicReference<Exception> failure = new AtomicReference<>();
        // The last event sent to each partition: the catalog stores a partition's events in order, so once these
        // are stored the rest are too, and the wait can look them up by key instead of counting every mention.
        Map<Integer, UUID> lastPerPartition = new ConcurrentHashMap<>();
        long start;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            // Connected and with the topic's metadata before the clock starts.
            producer.partitionsFor(Topics.INITIATIVES);
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = source.record(i);
                UUID id = UUID.fromString(record.key());
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        // Callbacks of one partition run in the order its records were sent.
                        lastPerPartition.put(metadata.partition(), id);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused an initiative event", failure.get());
        }
        double produced = (System.nanoTime() - start) / 1e9;
        long deadline = start + timeout.toNanos();
        // Counting every mention each poll would load the database under test (tens of ms per count at 100k).
        UUID[] last = lastPerPartition.values().toArray(new UUID[0]);
        while (System.nanoTime() < deadline && storedOf(connection, last) < last.length) {
            if (health != null) {
                health.check();
            }
            Thread.sleep(POLL.toMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = stored(connection) - before;
        // Never expected (a dead-lettered event is never stored), but then the clock runs on by the exact count.
        while (stored < count && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            seconds = (System.nanoTime() - start) / 1e9;
            stored = stored(connection) - before;
        }
        String note = String.format("%d events (produced in %.1f s), %d stored in %.1f s", count, produced, stored, seconds);
        if (stored < count) {
            out.record(metric, stored / seconds, note + " — timed out before all were stored");
        } else {
            out.record(metric, count / seconds, note);
        }
    }

    /** Mentions in the catalog: one per initiative event stored, whether or not it merged into an entry. */
    static long stored(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM catalog.mention")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** How many of these events' mentions the catalog holds (a primary-key lookup each). */
    private static long storedOf(Connection connection, UUID[] extractedIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM catalog.mention WHERE extracted_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", extractedIds));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static long entries(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM catalog.initiative")) {
            rows.next();
            return rows.getLong(1);
        }
    }

}

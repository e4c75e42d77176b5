package dev.accord.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.load.SyntheticInitiatives;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load driver, not a regular test: N initiative events shaped like the benchmark harness's (each a new
 * initiative, most sharing parties and words with thousands of others) are published to
 * {@code accord.initiatives} on the in-JVM broker as fast as the producer goes, and the clock runs until
 * {@code catalog.mention} holds all of them. In the same run, the same number of initiative-shaped rows
 * are written with raw JDBC batched INSERTs (batches of 500, one commit each) into a copy of
 * {@code catalog.initiative} (columns and indexes), and both rates and their ratio are printed. Run with
 * {@code -Daccord.bench=catalog} (see docs/benchmarks.md); results go to stdout and
 * {@code target/catalog-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
@EnabledIfSystemProperty(named = "accord.bench", matches = "catalog")
class ConsumptionThroughputBenchmark {

    private static final int EVENTS = Integer.getInteger("accord.bench.events", 10_000);
    private static final int WARM_UP = 200;
    private static final int INSERT_BATCH = 500;
    private static final Duration WAIT = Duration.ofMinutes(Integer.getInteger("accord.bench.wait-minutes", 20));
    private static final String SCRATCH = "bench_scratch";

    @Inject
    DataSource dataSource;

    @Test
    void storedMentionsPerSecondAgainstBatchedInsert() throws Exception {
        String load = loadAverage();
        SyntheticInitiatives source = new SyntheticInitiatives(System.nanoTime());
        long before = mentions();
        // Warm-up: JIT, connection pool, the consumer's partition assignment.
        publish(source, 0, WARM_UP);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> mentions() >= before + WARM_UP);

        long start = System.nanoTime();
        double produced = publish(source, WARM_UP, EVENTS);
        long target = before + WARM_UP + EVENTS;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> mentions() >= target);
        double consumeSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(mentions()).isEqualTo(target);
        long entries = count("SELECT count(*) FROM initiative");

        double insertSeconds = batchedInsert(source, WARM_UP + EVENTS, EVENTS);
        double consumed = EVENTS / consumeSeconds;
        double inserted = EVENTS / insertSeconds;
        String report = String.format("""
                catalog consumption benchmark: %d initiative events (produced in %.1f s), %d processors
                load average at start: %s; at end: %s
                Kafka -> catalog: %d mentions stored in %.2f s = %.0f rows/s (%d entries in the catalog)
                batched INSERT (batches of %d, commit each): %d rows in %.2f s = %.0f rows/s
                ratio: %.1f %%
                """, EVENTS, produced, Runtime.getRuntime().availableProcessors(), load, loadAverage(), EVENTS,
                consumeSeconds, consumed, entries, INSERT_BATCH, EVENTS, insertSeconds, inserted, 100 * consumed / inserted);
        System.out.println(report);
        Files.writeString(Path.of("target", "catalog-benchmark.txt"), report);
    }

    /** Publishes events {@code from} .. {@code from + count - 1}; returns the seconds until all were acknowledged. */
    private static double publish(SyntheticInitiatives source, int from, int count) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = from; i < from + count; i++) {
                ProducerRecord<String, String> record = source.record(i);
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        assertThat(failure.get()).isNull();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds to write {@code count} initiative rows with JDBC batched INSERTs into a copy of the catalog's table. */
    private double batchedInsert(SyntheticInitiatives source, int from, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCRATCH);
                statement.execute("CREATE TABLE " + SCRATCH + ".initiative (LIKE catalog.initiative INCLUDING ALL)");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCRATCH + ".initiative ("
                    + SyntheticInitiatives.ROW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    SyntheticInitiatives.bindRow(connection, insert, source.event(from + i));
                    insert.addBatch();
                    if ((i + 1) % INSERT_BATCH == 0 || i == count - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
            }
            return seconds;
        }
    }

    private long mentions() throws SQLException {
        return count("SELECT count(*) FROM mention");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

}

package dev.accord.bench.harness;

import dev.accord.testsupport.load.SyntheticInitiatives;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.postgresql.PGConnection;

/**
 * The least Kafka and PostgreSQL can spend on what the pipeline wrote per article: the broker's CPU
 * for a producer (acks=all, idempotent) writing records of the pipeline's mean size to a scratch topic,
 * and PostgreSQL's CPU for a COPY of catalog-shaped rows into a scratch table, each scaled to the
 * records and rows the pipeline wrote per article. Measured in the same run as the pipeline, with
 * {@code --floor-records} records and as many rows.
 */
final class Floor {

    private static final String TOPIC = "bench.floor";
    private static final int PARTITIONS = 3;

    /** Milliseconds of CPU per record (broker) and per row (PostgreSQL), and the floor per article. */
    record Cost(double kafkaMsPerRecord, double postgresMsPerRow, double perArticleMs) {
    }

    private Floor() {
    }

    static Cost measure(Options options, double recordsPerArticle, double bytesPerArticle, double rowsPerArticle, ProcessCpu cpu)
            throws Exception {
        int count = options.integer("floor-records");
        int size = (int) Math.max(64, Math.round(bytesPerArticle / Math.max(1, recordsPerArticle)));
        double kafka = kafkaMsPerRecord(options, count, size, cpu);
        double postgres = postgresMsPerRow(options, count, cpu);
        return new Cost(kafka, postgres, recordsPerArticle * kafka + rowsPerArticle * postgres);
    }

    private static double kafkaMsPerRecord(Options options, int count, int size, ProcessCpu cpu) throws Exception {
        try (Admin admin = PipelineScenario.admin(options)) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
            }
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        SplittableRandom random = new SplittableRandom(size);
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) ('a' + random.nextInt(26));
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            Map<String, Double> before = cpu.sample();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, Integer.toString(i).getBytes(), value));
            }
            producer.flush();
            return ProcessCpu.between(before, cpu.sample()).get("kafka") / count;
        }
    }

    private static double postgresMsPerRow(Options options, int count, ProcessCpu cpu) throws Exception {
        SyntheticInitiatives source = new SyntheticInitiatives(System.nanoTime());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            PostgresBaseline.copyLine(text, source.event(i));
        }
        try (Connection connection = PostgresBaseline.connect(options)) {
            PostgresBaseline.prepare(connection, "floor_rows");
            connection.setAutoCommit(false);
            Map<String, Double> before = cpu.sample();
            ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY " + PostgresBaseline.SCRATCH
                    + ".floor_rows (" + SyntheticInitiatives.ROW_COLUMNS + ") FROM STDIN", new StringReader(text.toString()));
            connection.commit();
            double used = ProcessCpu.between(before, cpu.sample()).get("postgres");
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + PostgresBaseline.SCRATCH + " CASCADE");
            }
            return used / count;
        }
    }
}

package dev.accord.bench.harness;

import dev.accord.common.events.Topics;
import dev.accord.testsupport.load.SeedCopies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The sizes of the events ingest really publishes for one seed copy, read back from the topics:
 * key + value + header bytes of the article event and the mean of its initiative events. The Kafka
 * baseline produces records of the mean event size of that mix.
 */
final class EventSizes {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private EventSizes() {
    }

    static void run(Options options) throws Exception {
        Measurements out = Measurements.from(options);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : List.of(Topics.ARTICLES, Topics.INITIATIVES)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach(consumer::seek);

            ArticlePoster poster = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                    SeedCopies.ofSeed(System.nanoTime())::copy);
            ArticlePoster.Accepted accepted = poster.post(0).get();
            if (accepted == null) {
                throw new IllegalStateException("ingest did not accept the seed: " + poster.lastRefusal());
            }
            Set<String> wanted = new HashSet<>(accepted.initiativeIds());
            long articleBytes = -1;
            long initiativeBytes = 0;
            int initiatives = 0;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while ((articleBytes < 0 || initiatives < wanted.size()) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    if (record.topic().equals(Topics.ARTICLES) && key.equals(accepted.articleId())) {
                        articleBytes = size(record);
                    } else if (record.topic().equals(Topics.INITIATIVES) && wanted.contains(key)) {
                        initiativeBytes += size(record);
                        initiatives++;
                    }
                }
            }
            if (articleBytes < 0 || initiatives < wanted.size()) {
                throw new IllegalStateException("the seed's events did not show up on the topics within " + READ_TIMEOUT);
            }
            long initiativeMean = initiatives == 0 ? 0 : initiativeBytes / initiatives;
            long mean = (articleBytes + initiativeBytes) / (1 + initiatives);
            out.record("events.article_bytes", articleBytes);
            out.record("events.initiative_bytes", initiativeMean);
            out.record("events.initiatives_per_article", initiatives);
            out.record("events.mean_bytes", mean);
            Properties sizes = new Properties();
            sizes.setProperty("article", Long.toString(articleBytes));
            sizes.setProperty("initiative", Long.toString(initiativeMean));
            sizes.setProperty("initiatives", Integer.toString(initiatives));
            sizes.setProperty("mean", Long.toString(mean));
            try (var writer = Files.newBufferedWriter(Path.of(options.string("sizes-file")))) {
                sizes.store(writer, "event sizes of one seed copy, bytes (key + value + headers)");
            }
        }
    }

    private static long size(ConsumerRecord<byte[], byte[]> record) {
        long size = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        for (Header header : record.headers()) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    static long mean(Path sizesFile) throws IOException {
        Properties sizes = new Properties();
        try (var reader = Files.newBufferedReader(sizesFile)) {
            sizes.load(reader);
        }
        return Long.parseLong(sizes.getProperty("mean"));
    }
}

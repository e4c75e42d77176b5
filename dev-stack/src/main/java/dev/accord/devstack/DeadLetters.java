package dev.accord.devstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * For {@code ./accord dlq list|replay <topic>}: shows what a consumer parked in {@code <topic>.dlq}
 * and why, and sends it back to the topic it came from once the cause is fixed.
 *
 * <p>Replay produces each record again with its key, value and CloudEvents headers (so its
 * {@code ce_id} is unchanged and consumers that already stored it skip it), without the
 * {@code dead-letter-*} headers and with {@value #REPLAYED_FROM} naming where it was parked. The
 * replay position is the consumer group {@value #REPLAY_GROUP}, committed after the records are on
 * the broker: a second replay sends only records parked since, and an interrupted one repeats at
 * most its last batch.
 *
 * <p>Usage: {@code DeadLetters list|replay <topic or topic.dlq> [bootstrap-servers]}.
 */
public final class DeadLetters {

    static final String REPLAY_GROUP = "accord-dlq-replay";
    static final String REPLAYED_FROM = "accord-replayed-from";
    private static final String DLQ_SUFFIX = ".dlq";
    private static final String DEAD_LETTER_PREFIX = "dead-letter-";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_SHOWN_VALUE_CHARS = 160;

    private final String bootstrap;
    private final PrintStream out;

    DeadLetters(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("list") || args[0].equals("replay"))) {
            System.err.println("usage: DeadLetters list|replay <topic> [bootstrap-servers]");
            System.exit(2);
        }
        DeadLetters tool = new DeadLetters(Args.valueAt(args, 2, "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"), System.out);
        if (args[0].equals("list")) {
            tool.list(args[1]);
        } else {
            tool.replay(args[1]);
        }
    }

    static String dlqOf(String topic) {
        return topic.endsWith(DLQ_SUFFIX) ? topic : topic + DLQ_SUFFIX;
    }

    /** Prints every parked record with the reason it was parked; returns how many there are. */
    int list(String topic) {
        String dlq = dlqOf(topic);
        // The replay group's position tells which records were replayed; listing never commits it.
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(REPLAY_GROUP)) {
            List<TopicPartition> partitions = partitionsOf(consumer, dlq);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(new HashSet<>(partitions));
            int count = 0;
            for (ConsumerRecord<byte[], byte[]> record : readUpTo(consumer, ends)) {
                OffsetAndMetadata position = replayed.get(new TopicPartition(record.topic(), record.partition()));
                boolean wasReplayed = position != null && record.offset() < position.offset();
                out.printf("%s-%d@%d  %s  %s  %s  %s%s%n", record.topic(), record.partition(), record.offset(),
                        Instant.ofEpochMilli(record.timestamp()), header(record.headers(), "ce_type"),
                        header(record.headers(), "ce_id"), wasReplayed ? "[replayed] " : "",
                        header(record.headers(), "dead-letter-reason"));
                out.printf("    value: %s%n", preview(record.value()));
                count++;
            }
            out.printf("%d record(s) in %s%n", count, dlq);
            return count;
        }
    }

    /** Sends every record parked since the last replay back to its topic; returns how many were sent. */
    int replay(String topic) throws InterruptedException, ExecutionException {
        String dlq = dlqOf(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(REPLAY_GROUP);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, dlq);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = committed.get(partition);
                if (position == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, position);
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int sent = 0;
            for (ConsumerRecord<byte[], byte[]> record : readUpTo(consumer, ends)) {
                String target = targetOf(record, dlq);
                producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), replayHeaders(record))).get();
                sent++;
            }
            producer.flush();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            ends.forEach((partition, end) -> done.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(done);
            out.printf("replayed %d record(s) from %s%n", sent, dlq);
            return sent;
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUpTo(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** The topic the consumer read the record from, as SmallRye's dead-letter queue records it. */
    private static String targetOf(ConsumerRecord<byte[], byte[]> record, String dlq) {
        String original = header(record.headers(), "dead-letter-topic");
        return original.isEmpty() ? dlq.substring(0, dlq.length() - DLQ_SUFFIX.length()) : original;
    }

    private static Headers replayHeaders(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_PREFIX) && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        String origin = record.topic() + "/" + record.partition() + "/" + record.offset();
        headers.add(REPLAYED_FROM, origin.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("No topic " + topic);
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String preview(byte[] value) {
        if (value == null) {
            return "(null)";
        }
        String text = new String(value, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.length() <= MAX_SHOWN_VALUE_CHARS ? text : text.substring(0, MAX_SHOWN_VALUE_CHARS) + "…";
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}

package dev.accord.testsupport;

import dev.accord.common.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to Kafka as an independent producer would: binary-mode CloudEvents, or raw bytes for poison tests. */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventProducer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code data} as JSON with CloudEvents headers and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String ceId, String ceType, Object data) {
        sendRaw(topic, key, ceId, ceType, data instanceof String s ? s : EventJson.write(data));
    }

    /** Like {@link #send}, with more headers (e.g. a W3C {@code traceparent}). */
    public void send(String topic, String key, String ceId, String ceType, Object data, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.write(data));
        headers.forEach((name, value) -> header(record, name, value));
        send(record, ceId, ceType, key);
    }

    public void sendRaw(String topic, String key, String ceId, String ceType, String value) {
        send(new ProducerRecord<>(topic, key, value), ceId, ceType, key);
    }

    /** Sends a record with exactly these headers and no others, e.g. CloudEvent attributes that break the spec. */
    public void sendWithHeaders(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> header(record, name, header));
        deliver(record);
    }

    private void send(ProducerRecord<String, String> record, String ceId, String ceType, String key) {
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", ceId);
        header(record, "ce_type", ceType);
        header(record, "ce_source", "/accord/tests");
        header(record, "ce_subject", key);
        header(record, "ce_time", OffsetDateTime.now().toString());
        header(record, "content-type", "application/json");
        deliver(record);
    }

    private void deliver(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}

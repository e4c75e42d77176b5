package dev.accord.common.messaging;

import dev.accord.common.events.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Moves a record that can never be stored to {@code <topic>.dlq}: same key, value and headers (so it
 * stays a CloudEvent), plus the error in the {@code dead-letter-*} headers SmallRye's own dead-letter
 * queue uses. The send is awaited, so the batch's offsets move only once the record is there.
 */
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> out;
    private final Duration sendTimeout;
    private final Consumer<String> deadLettered;

    /** @param deadLettered told the source topic of every record moved, for the service's metrics */
    public DeadLetters(MutinyEmitter<String> out, Duration sendTimeout, Consumer<String> deadLettered) {
        this.out = out;
        this.sendTimeout = sendTimeout;
        this.deadLettered = deadLettered;
    }

    public void send(ConsumerRecord<String, String> record, Throwable error) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        Throwable cause = rootCause(error);
        header(headers, "dead-letter-reason", message(error));
        header(headers, "dead-letter-cause", message(cause));
        header(headers, "dead-letter-exception-class-name", error.getClass().getName());
        header(headers, "dead-letter-cause-class-name", cause.getClass().getName());
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        String topic = Topics.deadLetterOf(record.topic());
        LOG.warnf("Record %s-%d@%d (ce_id %s) goes to %s: %s", record.topic(), record.partition(), record.offset(),
                CloudEventRecord.header(record, "ce_id"), topic, message(error));
        out.sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic).withKey(record.key()).withHeaders(headers).build()))
                .await().atMost(sendTimeout);
        deadLettered.accept(record.topic());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}

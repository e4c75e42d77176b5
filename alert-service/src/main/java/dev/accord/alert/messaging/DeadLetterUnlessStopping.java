package dev.accord.alert.messaging;

import dev.accord.common.db.DatabaseRetry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The catalog consumer's failure strategy ({@value #NAME}): a record that failed is dead-lettered,
 * except one given up because the service stops while waiting for the database. That one is the
 * database's fault, not the record's: it is left unacknowledged, so its offset is never committed
 * and the partition's next owner processes it.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.NAME)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String NAME = "dead-letter-unless-stopping";

    private final KafkaFailureHandler.Factory deadLetterQueue;

    public DeadLetterUnlessStopping(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        return new Handler(deadLetterQueue.create(config, vertx, consumer, reportFailure));
    }

    static final class Handler implements KafkaFailureHandler {
        private final KafkaFailureHandler deadLetters;

        Handler(KafkaFailureHandler deadLetters) {
            this.deadLetters = deadLetters;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            return stopped(reason) ? Uni.createFrom().nothing() : deadLetters.handle(record, reason, metadata);
        }

        @Override
        public void terminate() {
            deadLetters.terminate();
        }
    }

    static boolean stopped(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseRetry.ConsumptionStopped) {
                return true;
            }
        }
        return false;
    }
}

package dev.accord.alert.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.common.db.DatabaseRetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class DeadLetterUnlessStoppingTest {

    /** Stands in for the dead-letter queue: remembers what it was handed. */
    private static final class RecordingHandler implements KafkaFailureHandler {
        final List<Throwable> handed = new ArrayList<>();

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            handed.add(reason);
            return Uni.createFrom().voidItem();
        }
    }

    private final RecordingHandler deadLetters = new RecordingHandler();
    private final KafkaFailureHandler handler = new DeadLetterUnlessStopping.Handler(deadLetters);

    @Test
    void aRecordTheDataBrokeIsDeadLettered() {
        IllegalArgumentException broken = new IllegalArgumentException("not a catalog event");

        CompletableFuture<Void> handled = handler.handle(null, broken, Metadata.empty()).subscribeAsCompletionStage();

        assertThat(handled).isCompleted();
        assertThat(deadLetters.handed).containsExactly(broken);
    }

    @Test
    void aRecordGivenUpAtShutdownIsNeitherDeadLetteredNorAcknowledged() {
        // As the connector may hand it over: wrapped.
        RuntimeException stopped = new RuntimeException(new DatabaseRetry.ConsumptionStopped(new SQLException("gone", "08006")));

        CompletableFuture<Void> handled = handler.handle(null, stopped, Metadata.empty()).subscribeAsCompletionStage();

        assertThat(handled).isNotDone();
        assertThat(deadLetters.handed).isEmpty();
    }
}

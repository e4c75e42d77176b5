package dev.accord.alert.messaging;

import dev.accord.alert.config.ConsumerConfig;
import dev.accord.alert.observability.AlertMetrics;
import dev.accord.common.messaging.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The catalog consumer's {@link DeadLetters}: records go out on {@code dead-letters-out} to {@code accord.catalog.dlq}. */
@Singleton
public class DeadLetterTopic extends DeadLetters {

    public DeadLetterTopic(@Channel("dead-letters-out") MutinyEmitter<String> out, ConsumerConfig config,
            AlertMetrics metrics) {
        super(out, config.deadLetterTimeout(), topic -> metrics.consumed(topic, AlertMetrics.DEAD_LETTERED, 1));
    }
}

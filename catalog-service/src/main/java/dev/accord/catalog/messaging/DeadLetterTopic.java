package dev.accord.catalog.messaging;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.observability.CatalogMetrics;
import dev.accord.common.messaging.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The catalog consumers' {@link DeadLetters}: records go out on {@code dead-letters-out}, each counted. */
@Singleton
public class DeadLetterTopic extends DeadLetters {

    public DeadLetterTopic(@Channel("dead-letters-out") MutinyEmitter<String> out, CatalogConfig config,
            CatalogMetrics metrics) {
        super(out, config.outbox().sendTimeout(), metrics::deadLettered);
    }
}

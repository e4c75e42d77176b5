package dev.accord.common.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a service's Kafka consumers ride out an unreachable database ({@code accord.consumption.*}). */
@ConfigMapping(prefix = "accord.consumption")
public interface ConsumptionConfig {

    /**
     * The name of the readiness check that is down while consumption waits for the database; a service whose
     * consumers write to no database sets none, and then has neither the check nor a {@link StoreRetry}.
     */
    Optional<String> healthCheck();

    /** First wait before retrying a batch while the database does not answer; doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialDelay();

    @WithDefault("5s")
    Duration retryMaxDelay();

    /** How often a batch is retried after a deadlock or serialization failure before it counts as failed. */
    @WithDefault("5")
    int conflictRetries();
}

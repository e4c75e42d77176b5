package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@code accord.catalog} consumer rides out an unreachable database ({@code accord.alert.consumer.*}). */
@ConfigMapping(prefix = "accord.alert.consumer")
public interface ConsumerConfig {

    /** First wait before retrying an event while the database does not answer; doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialDelay();

    @WithDefault("5s")
    Duration retryMaxDelay();

    /** How often an event is retried after a deadlock or serialization failure before it counts as failed. */
    @WithDefault("5")
    int conflictRetries();

    /** How long a record may take to reach the dead-letter topic before the batch fails and is fetched again. */
    @WithDefault("10s")
    Duration deadLetterTimeout();
}

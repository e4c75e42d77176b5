package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@code accord.catalog} consumer dead-letters a record it cannot use ({@code accord.alert.consumer.*}). */
@ConfigMapping(prefix = "accord.alert.consumer")
public interface ConsumerConfig {

    /** How long a record may take to reach the dead-letter topic before the batch fails and is fetched again. */
    @WithDefault("10s")
    Duration deadLetterTimeout();
}

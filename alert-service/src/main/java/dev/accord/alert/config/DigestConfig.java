package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Digests: notifications gathered per window and sent as one message ({@code accord.alert.digest.*}). */
@ConfigMapping(prefix = "accord.alert.digest")
public interface DigestConfig {

    /** Length of an {@code hourly} window; windows are aligned to multiples of their length since Monday 1970-01-05 UTC. */
    @WithDefault("1h")
    Duration hourly();

    /** Length of a {@code daily} window without a schedule (UTC days by default). */
    @WithDefault("24h")
    Duration daily();

    /** Length of a {@code weekly} window without a schedule (weeks from Monday 00:00 UTC by default). */
    @WithDefault("7d")
    Duration weekly();

    /** How often closed windows are looked for (read by the scheduler). */
    @WithDefault("30s")
    Duration pollInterval();

    /** Most subscriptions whose windows one pass cuts in one transaction. */
    @WithDefault("50")
    int batchSize();
}

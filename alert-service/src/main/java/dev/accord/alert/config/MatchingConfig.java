package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How each replica keeps its in-memory subscription index in step with the database ({@code accord.alert.matching.*}). */
@ConfigMapping(prefix = "accord.alert.matching")
public interface MatchingConfig {

    /** How often rows changed by any replica are read into the index (read by the scheduler). */
    @WithDefault("5s")
    Duration refreshInterval();

    /**
     * Each refresh reads rows changed since the previous one started, less this margin, so a change
     * whose transaction committed late or whose replica's clock lags is still seen.
     */
    @WithDefault("30s")
    Duration refreshOverlap();

    /** The index is rebuilt from all active rows this often, which also drops rows deleted elsewhere. */
    @WithDefault("10m")
    Duration fullReloadInterval();
}

package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live streams of notifications ({@code accord.alert.stream.*}). */
@ConfigMapping(prefix = "accord.alert.stream")
public interface StreamConfig {

    /** A comment line is sent this often so proxies keep idle streams open and dead clients are noticed. */
    @WithDefault("30s")
    Duration keepAlive();

    /** How long stored notifications stay available for resuming with {@code Last-Event-ID}. */
    @WithDefault("24h")
    Duration retention();

    /** How often notifications older than the retention are deleted. */
    @WithDefault("10m")
    Duration purgeInterval();

    /**
     * Longest wait for a database notification before looking for new rows anyway; this bounds the
     * delay should a {@code NOTIFY} be missed while the listening connection is re-established.
     */
    @WithDefault("5s")
    Duration pollInterval();

    /** Most notifications replayed to one resuming client. */
    @WithDefault("1000")
    int maxReplay();
}

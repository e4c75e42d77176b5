package dev.accord.alert.digest;

import dev.accord.alert.config.DigestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Window arithmetic: windows of each period's configured length, aligned to multiples of it since the epoch. */
@ApplicationScoped
public class DigestWindows {

    private final DigestConfig config;

    public DigestWindows(DigestConfig config) {
        this.config = config;
    }

    public Duration length(DigestPeriod period) {
        return switch (period) {
            case HOURLY -> config.hourly();
            case DAILY -> config.daily();
            case NONE -> throw new IllegalArgumentException("No window without a digest");
        };
    }

    /** The start of the window that contains {@code at}. */
    public Instant startOf(DigestPeriod period, Instant at) {
        long length = length(period).toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
    }
}

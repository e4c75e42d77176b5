package dev.accord.ingest.feed;

import dev.accord.ingest.config.IngestConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * When a feed is polled next, between a minimum and a maximum interval.
 *
 * <p>After a successful poll the interval follows how busy the feed is: a poll that found {@code k}
 * new entries {@code t} after the previous one sets it to {@code t / k}, so a feed is polled about once
 * per new entry; a poll that found nothing (or got 304) stretches it by half, so quiet feeds drift
 * towards the maximum. The first poll of a feed reads its backlog, which says nothing about its pace:
 * it starts at the minimum.
 *
 * <p>After a failed poll the interval backs off exponentially from the minimum (1, 2, 4, … times),
 * and a server's {@code Retry-After} is honoured when it asks for longer; both are capped at the maximum.
 */
@Singleton
public class FeedSchedule {

    private static final double QUIET_GROWTH = 1.5;

    private final Duration min;
    private final Duration max;

    @Inject
    public FeedSchedule(IngestConfig config) {
        this(config.feeds().minInterval(), config.feeds().maxInterval());
    }

    public FeedSchedule(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max-interval " + max + " is shorter than min-interval " + min);
        }
        this.min = min;
        this.max = max;
    }

    /**
     * The interval after a successful poll.
     *
     * @param current          the interval used so far
     * @param newEntries       entries this poll found that no earlier poll had
     * @param sinceLastSuccess time since the previous successful poll; empty on a feed's first
     */
    public Duration afterSuccess(Duration current, int newEntries, Optional<Duration> sinceLastSuccess) {
        if (newEntries == 0) {
            return clamp(Duration.ofMillis((long) (current.toMillis() * QUIET_GROWTH)));
        }
        return sinceLastSuccess.map(t -> clamp(t.dividedBy(newEntries))).orElse(min);
    }

    /** The wait after the {@code consecutiveErrors}-th failed poll in a row. */
    public Duration afterError(int consecutiveErrors, Optional<Duration> retryAfter) {
        int doublings = Math.min(Math.max(consecutiveErrors - 1, 0), 30);
        Duration backoff = clamp(min.multipliedBy(1L << doublings));
        return retryAfter.map(this::clamp).filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
    }

    public Duration min() {
        return min;
    }

    private Duration clamp(Duration d) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}

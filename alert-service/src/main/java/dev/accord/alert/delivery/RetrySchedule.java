package dev.accord.alert.delivery;

import dev.accord.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When to try a failed delivery again: the configured delays with jitter, then never (the delivery is dead). */
@ApplicationScoped
public class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;

    public RetrySchedule(AlertConfig config) {
        this.delays = config.delivery().retryDelays();
        this.jitter = config.delivery().jitter();
    }

    /** The delay before the next attempt after {@code attemptsMade} failures, or empty when retries are exhausted. */
    public Optional<Duration> after(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        Duration jittered = Duration.ofMillis(Math.round(base.toMillis() * factor));
        // A receiver that asks for a pause (429/503 Retry-After) gets at least that pause.
        return Optional.of(retryAfter.filter(r -> r.compareTo(jittered) > 0).orElse(jittered));
    }
}

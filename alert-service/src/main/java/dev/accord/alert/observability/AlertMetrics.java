package dev.accord.alert.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The alert service's own metrics, all named here. Prometheus shows them at {@code /q/metrics} with
 * dots turned into underscores, counters suffixed {@code _total} and timers in seconds.
 */
@ApplicationScoped
public class AlertMetrics {

    /** Catalog events consumed, by topic and outcome ({@code ok}, {@code dead_lettered}). */
    public static final String EVENTS_CONSUMED = "accord.events.consumed";
    /** Records the consumer sent to its dead-letter topic, by source topic. */
    public static final String DEAD_LETTERS = "accord.dead.letters";
    /** Deliveries queued for subscribers by the consumer, by event type. */
    public static final String DELIVERIES_QUEUED = "accord.deliveries.queued";
    /** Delivery attempts, by channel and outcome ({@code delivered}, {@code retry}, {@code dead}); a histogram of their duration. */
    public static final String DELIVERY_ATTEMPTS = "accord.delivery.attempts";

    public static final String OK = "ok";
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    public static final String DEAD = "dead";

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void consumed(String topic, String outcome, int count) {
        registry.counter(EVENTS_CONSUMED, "topic", topic, "outcome", outcome).increment(count);
        if (DEAD_LETTERED.equals(outcome)) {
            registry.counter(DEAD_LETTERS, "topic", topic).increment(count);
        }
    }

    public void queued(String eventType, int deliveries) {
        registry.counter(DELIVERIES_QUEUED, "type", eventType).increment(deliveries);
    }

    public void attempted(String channel, String outcome, Duration took) {
        Timer.builder(DELIVERY_ATTEMPTS).description("Delivery attempts and how long each took")
                .tags("channel", channel, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}

package dev.accord.catalog.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalog service's own metrics, all named here. Prometheus shows them at {@code /q/metrics} with
 * dots turned into underscores and counters suffixed {@code _total}.
 */
@ApplicationScoped
public class CatalogMetrics {

    /** Records consumed, by topic and outcome ({@code ok}, {@code duplicate}, {@code dead_lettered}). */
    public static final String EVENTS_CONSUMED = "accord.events.consumed";
    /** Events relayed from the outbox to Kafka, by topic and outcome ({@code ok}, {@code failed}). */
    public static final String EVENTS_PRODUCED = "accord.events.produced";
    /** Records moved to a dead-letter topic, by source topic. */
    public static final String DEAD_LETTERS = "accord.dead.letters";
    /** Outbox rows not yet relayed, as last counted by the relay. */
    public static final String OUTBOX_BACKLOG = "accord.outbox.backlog";

    public static final String OK = "ok";
    public static final String DUPLICATE = "duplicate";
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final AtomicLong outboxBacklog = new AtomicLong();

    public CatalogMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(OUTBOX_BACKLOG, outboxBacklog, AtomicLong::get).strongReference(true)
                .description("Catalog events written to the outbox and not yet on Kafka").register(registry);
    }

    public void consumed(String topic, String outcome, int count) {
        if (count > 0) {
            registry.counter(EVENTS_CONSUMED, "topic", topic, "outcome", outcome).increment(count);
        }
    }

    public void deadLettered(String topic) {
        consumed(topic, DEAD_LETTERED, 1);
        registry.counter(DEAD_LETTERS, "topic", topic).increment();
    }

    public void produced(String topic, String outcome, int count) {
        if (count > 0) {
            registry.counter(EVENTS_PRODUCED, "topic", topic, "outcome", outcome).increment(count);
        }
    }

    public void outboxBacklog(long rows) {
        outboxBacklog.set(rows);
    }
}

package dev.accord.alert.observability;

import dev.accord.common.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;

/**
 * Carries a catalog event's trace over the delivery table: while the consumer matches the event, the
 * trace is bound to its transaction, and before delivery rows are inserted it is written to the
 * transaction's settings (the {@code delivery.traceparent} column defaults to it); when the
 * worker sends a delivery, {@link #attempt} restores it and opens a child span, current for the
 * duration of the send, whose traceparent the webhook request carries. It also times the attempt for
 * {@link AlertMetrics}.
 */
@ApplicationScoped
public class DeliveryTraces {

    private final EntityManager em;
    private final Tracer tracer;
    private final AlertMetrics metrics;
    private final BoundTrace bound;

    public DeliveryTraces(EntityManager em, Tracer tracer, AlertMetrics metrics, BoundTrace bound) {
        this.em = em;
        this.tracer = tracer;
        this.metrics = metrics;
        this.bound = bound;
    }

    /** Rows inserted into {@code delivery} in the caller's transaction are to default to {@code traceparent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(String traceparent) {
        bound.bind(traceparent);
    }

    /**
     * Called before rows are inserted into {@code delivery}: writes the bound trace to the transaction's
     * settings, once per transaction and only if one was bound.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beforeDeliveryInsert() {
        String traceparent = bound.unwritten();
        if (traceparent != null) {
            em.createNativeQuery("SELECT set_config('accord.traceparent', ?1, true)").setParameter(1, traceparent)
                    .getSingleResult();
            bound.markWritten();
        }
    }

    /**
     * Starts observing one delivery attempt as a child of {@code traceparent} (the event's trace, stored
     * with the delivery and read by the claim); close it when the attempt is settled.
     */
    public Attempt attempt(UUID deliveryId, String channelType, String traceparent) {
        String channel = channelType == null ? "webhook" : channelType;
        Context parent = TraceParents.restore(traceparent);
        Span span = tracer.spanBuilder("deliver " + channel).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("accord.delivery.id", deliveryId.toString()).startSpan();
        return new Attempt(channel, span, span.makeCurrent(), System.nanoTime());
    }

    /** One attempt in progress: its span is current until {@link #close}. */
    public final class Attempt implements AutoCloseable {

        private final String channel;
        private final Span span;
        private final Scope scope;
        private final long started;
        private String outcome;

        private Attempt(String channel, Span span, Scope scope, long started) {
            this.channel = channel;
            this.span = span;
            this.scope = scope;
            this.started = started;
        }

        /** How the attempt ended: {@link AlertMetrics#DELIVERED}, {@link AlertMetrics#RETRY} or {@link AlertMetrics#DEAD}. */
        public void settled(String outcome) {
            this.outcome = outcome;
        }

        @Override
        public void close() {
            String result = outcome == null ? AlertMetrics.RETRY : outcome;
            metrics.attempted(channel, result, Duration.ofNanos(System.nanoTime() - started));
            span.setAttribute("accord.delivery.outcome", result);
            if (!AlertMetrics.DELIVERED.equals(result)) {
                span.setStatus(StatusCode.ERROR);
            }
            scope.close();
            span.end();
        }
    }
}

package dev.accord.alert.observability;

import dev.accord.alert.channel.ChannelType;
import dev.accord.common.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Continues a catalog event's trace when a delivery is sent: the consumer stores the event's
 * {@code traceparent} with each delivery row, and {@link #attempt} restores it and opens a child span,
 * current for the duration of the send, whose traceparent the webhook request carries. It also times
 * the attempt for {@link AlertMetrics}.
 */
@ApplicationScoped
public class DeliveryTraces {

    private final Tracer tracer;
    private final AlertMetrics metrics;

    public DeliveryTraces(Tracer tracer, AlertMetrics metrics) {
        this.tracer = tracer;
        this.metrics = metrics;
    }

    /**
     * Starts observing one delivery attempt as a child of {@code traceparent} (the event's trace, stored
     * with the delivery and read by the claim); close it when the attempt is settled.
     */
    public Attempt attempt(UUID deliveryId, String channelType, String traceparent) {
        String channel = channelType == null ? ChannelType.WEBHOOK.wire() : channelType;
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

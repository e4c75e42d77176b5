package dev.accord.common.observability;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans are always made (trace ids travel in Kafka headers, webhooks and log lines), but they are
 * exported only when {@code ACCORD_OTLP_ENDPOINT} names a collector. Without one, this exporter that
 * drops them stands in for the OTLP exporter, which would otherwise try localhost:4317 and log errors.
 */
public class TraceExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "accord.tracing.otlp-endpoint", stringValue = "none")
    SpanExporter discarding() {
        return SpanExporter.composite();
    }
}

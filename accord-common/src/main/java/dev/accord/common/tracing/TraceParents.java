package dev.accord.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a W3C {@code traceparent} value into an OpenTelemetry context and back, for contexts that wait in a table. */
public final class TraceParents {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };
    private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

    private TraceParents() {
    }

    /** The context a stored {@code traceparent} names; the root context when there is none or it is malformed. */
    public static Context restore(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, GETTER);
    }

    /** The {@code traceparent} of a context, or null when it holds no valid span. */
    public static String of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, headers, SETTER);
        return headers.get(HEADER);
    }
}

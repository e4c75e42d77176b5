package dev.accord.alert.api;

import dev.accord.alert.config.SubscriptionApiConfig;
import dev.accord.common.events.EventJson;
import dev.accord.common.web.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;

/**
 * Refuses a subscription request whose declared length is too large before anything reads its body,
 * with a 413 problem (the HTTP layer's own limit answers with an empty body). Bodies without a
 * declared length are measured after reading by {@link StrictJsonReader}.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final String PATH = "/api/subscriptions";
    /** Ahead of the routes that read bodies. */
    private static final int PRIORITY = 100;

    private final int maxBodyBytes;

    public BodySizeLimit(SubscriptionApiConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, PRIORITY);
    }

    private void limit(RoutingContext context) {
        String path = context.normalizedPath();
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes = parse(length);
        if (bytes <= maxBodyBytes || !(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            context.next();
            return;
        }
        Problem problem = new Problem(URI.create("about:blank"), "Payload Too Large", 413, "The body has " + bytes
                + " bytes; at most " + maxBodyBytes + " are accepted.", path, Map.of("maxBytes", maxBodyBytes));
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(EventJson.write(problem));
    }

    private static long parse(String length) {
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

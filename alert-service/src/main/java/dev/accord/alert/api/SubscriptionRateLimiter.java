package dev.accord.alert.api;

import dev.accord.alert.config.SubscriptionApiConfig;
import dev.accord.alert.domain.Credentials;
import dev.accord.common.web.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate limits of the subscription API, per client IP and per subscriber token (token buckets held
 * by each replica). A refused request gets 429 problem+json with {@code Retry-After} in seconds.
 * The client IP is the connection's peer, or the forwarded one when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on behind a trusted proxy.
 */
@ApplicationScoped
public class SubscriptionRateLimiter {

    private static final String PATH = "/api/subscriptions";
    private static final String BEARER = "Bearer ";

    private final boolean enabled;
    private final TokenBuckets perIp;
    private final TokenBuckets perToken;

    public SubscriptionRateLimiter(SubscriptionApiConfig config) {
        SubscriptionApiConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.perIp = new TokenBuckets(limits.perIpCapacity(), limits.perIpPerMinute(), limits.maxTrackedClients(), System::nanoTime);
        this.perToken = new TokenBuckets(limits.perTokenCapacity(), limits.perTokenPerMinute(), limits.maxTrackedClients(),
                System::nanoTime);
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        if (!enabled || !(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            return null;
        }
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            long wait = perToken.take(Credentials.hash(authorization.substring(BEARER.length()).strip()));
            if (wait > 0) {
                return tooMany(wait, "this subscription token", path);
            }
        }
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long wait = perIp.take(ip);
        return wait > 0 ? tooMany(wait, "this client address", path) : null;
    }

    private static Response tooMany(long waitNanos, String who, String path) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
        Problem problem = new Problem(URI.create("about:blank"), "Too Many Requests", 429,
                "Too many requests from " + who + "; retry in " + seconds + " s.", path, Map.of("retryAfter", seconds));
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

package dev.accord.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

/**
 * Dead once an incoming channel's delivery ended in an {@link Error} (out of memory, a stack overflow, a class that
 * failed to load). Such an error never reaches the connector's failure strategy, so the channel's consumer stops
 * for good while the connector still reports it alive; only a restart brings it back, and a liveness check that
 * says DOWN is how an orchestrator learns it must restart. Exceptions are the failure strategy's business.
 */
@Liveness
@Default // @Liveness is a qualifier: without @Default the consumers could not inject this by its type.
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerLiveness.class);

    private final Map<String, String> dead = new ConcurrentHashMap<>();

    /** Runs one delivery on a channel; an error marks the service dead, then goes on up as it came. */
    public void run(String channel, Runnable delivery) {
        try {
            delivery.run();
        } catch (Error e) {
            dead.putIfAbsent(channel, Instant.now() + " " + e);
            LOG.errorf(e, "Channel %s stopped for good; liveness is DOWN so that the service is restarted", channel);
            throw e;
        }
    }

    /** The channels that stopped for good, each with when and why. */
    public Map<String, String> deadChannels() {
        return Map.copyOf(dead);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-consumers").status(dead.isEmpty());
        dead.forEach(response::withData);
        return response.build();
    }
}

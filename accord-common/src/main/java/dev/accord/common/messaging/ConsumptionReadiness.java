package dev.accord.common.messaging;

import dev.accord.common.db.DatabaseRetry;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer waits for an unreachable database (next to the datasource's own check). A service
 * whose consumers store through a {@link DatabaseRetry} names the check in {@code accord.consumption.health-check};
 * one that names none has no such check.
 */
@Readiness
@ApplicationScoped
@UnlessBuildProperty(name = "accord.consumption.health-check", stringValue = "", enableIfMissing = false)
public class ConsumptionReadiness implements HealthCheck {

    private final Instance<DatabaseRetry> retries;
    private final String name;

    public ConsumptionReadiness(Instance<DatabaseRetry> retries,
            @ConfigProperty(name = "accord.consumption.health-check") String name) {
        this.retries = retries;
        this.name = name;
    }

    @Override
    public HealthCheckResponse call() {
        for (DatabaseRetry retry : retries) {
            Instant since = retry.waitingSince();
            if (since != null) {
                return HealthCheckResponse.named(name).down()
                        .withData("pausedSince", since.toString())
                        .withData("reason", "waiting for the database").build();
            }
        }
        return HealthCheckResponse.up(name);
    }
}

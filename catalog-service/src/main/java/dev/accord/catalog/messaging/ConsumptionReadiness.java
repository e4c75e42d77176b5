package dev.accord.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while consumption waits for an unreachable database (next to the datasource's own check). */
@Readiness
@ApplicationScoped
public class ConsumptionReadiness implements HealthCheck {

    private final StoreRetry retry;

    public ConsumptionReadiness(StoreRetry retry) {
        this.retry = retry;
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = retry.waitingSince();
        return since == null
                ? HealthCheckResponse.up("catalog-consumption")
                : HealthCheckResponse.named("catalog-consumption").down()
                        .withData("pausedSince", since.toString())
                        .withData("reason", "waiting for the database").build();
    }
}

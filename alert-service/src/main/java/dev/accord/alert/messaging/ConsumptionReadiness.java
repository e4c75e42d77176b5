package dev.accord.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the catalog consumer waits for an unreachable database. */
@Readiness
@ApplicationScoped
public class ConsumptionReadiness implements HealthCheck {

    private static final String NAME = "alert-consumption";

    private final StoreRetry retry;

    public ConsumptionReadiness(StoreRetry retry) {
        this.retry = retry;
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = retry.waitingSince();
        return since == null ? HealthCheckResponse.up(NAME)
                : HealthCheckResponse.named(NAME).down().withData("pausedSince", since.toString())
                        .withData("reason", "waiting for the database").build();
    }
}

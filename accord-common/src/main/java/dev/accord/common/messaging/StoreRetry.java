package dev.accord.common.messaging;

import dev.accord.common.db.DatabaseRetry;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The consumers' {@link DatabaseRetry}: while the database is away a batch waits instead of being
 * dead-lettered, so nothing is set aside because of an outage. It exists in a service that names its
 * consumption health check ({@code accord.consumption.health-check}), as catalog and alert do.
 */
@Singleton
@UnlessBuildProperty(name = "accord.consumption.health-check", stringValue = "", enableIfMissing = false)
public class StoreRetry extends DatabaseRetry {

    public StoreRetry(DataSource dataSource, ConsumptionConfig config) {
        super(dataSource, config.retryInitialDelay(), config.retryMaxDelay(), config.conflictRetries());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }
}

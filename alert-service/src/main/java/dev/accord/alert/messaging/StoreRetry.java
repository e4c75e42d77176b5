package dev.accord.alert.messaging;

import dev.accord.alert.config.ConsumerConfig;
import dev.accord.common.db.DatabaseRetry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The catalog consumer's {@link DatabaseRetry}: while the database is away an event waits instead of
 * being dead-lettered, so nothing owed to subscribers is set aside because of an outage.
 */
@Singleton
public class StoreRetry extends DatabaseRetry {

    public StoreRetry(DataSource dataSource, ConsumerConfig config) {
        super(dataSource, config.retryInitialDelay(), config.retryMaxDelay(), config.conflictRetries());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }
}

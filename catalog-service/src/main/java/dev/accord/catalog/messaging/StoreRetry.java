package dev.accord.catalog.messaging;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.common.db.DatabaseRetry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The catalog consumers' {@link DatabaseRetry}, configured under {@code accord.catalog.consumer}. */
@Singleton
public class StoreRetry extends DatabaseRetry {

    public StoreRetry(DataSource dataSource, CatalogConfig config) {
        super(dataSource, config.consumer().retryInitialDelay(), config.consumer().retryMaxDelay(),
                config.consumer().conflictRetries());
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }
}

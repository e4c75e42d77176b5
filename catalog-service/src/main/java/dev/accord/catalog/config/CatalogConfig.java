package dev.accord.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the catalog service an operator may want to change ({@code accord.catalog.*}). */
@ConfigMapping(prefix = "accord.catalog")
public interface CatalogConfig {

    /** The base URL under which users reach this API; catalog links in events are built on it. */
    String publicUrl();

    /** The CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/accord/catalog-service")
    String eventSource();

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("200")
    int maxPageSize();

    Outbox outbox();

    /** The relay that publishes outbox rows to accord.catalog. */
    interface Outbox {
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for unpublished rows (read by the scheduler). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("30s")
        Duration sendTimeout();
    }
}

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

    Search search();

    /** Bounds on list, search and facet requests, so no query can make the database work without limit. */
    interface Search {
        /** Longest accepted full-text query {@code q}, in characters. */
        @WithDefault("256")
        int maxQueryLength();

        /** How many values one filter parameter (e.g. repeated {@code topic}) may carry. */
        @WithDefault("20")
        int maxFilterValues();

        /** Longest accepted value of a filter parameter such as {@code org}. */
        @WithDefault("200")
        int maxFilterValueLength();

        /** How many values each facet lists at most (the most frequent first). */
        @WithDefault("50")
        int facetSize();
    }

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

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

    /**
     * How many of an entry's articles its change events list (the first to report it); the API lists
     * them all. Bounded so that an entry reported by thousands of articles keeps its events small.
     */
    @WithDefault("100")
    int eventArticleIds();

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

    Merge merge();

    /** The relay that publishes outbox rows to accord.catalog. */
    interface Outbox {
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for unpublished rows besides when this replica wrote some. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("30s")
        Duration sendTimeout();
    }

    /** When mentions from different articles become one catalog entry (see the README's merge rule). */
    interface Merge {
        /** A mention joins an entry only if one of the entry's mentions is at most this far away in time. */
        @WithDefault("14d")
        Duration window();

        /** The wording similarity, from 0 to 1, at or above which compatible mentions merge. */
        @WithDefault("0.5")
        double threshold();

        /** The share of the title in the similarity; the rest is title plus evidence. */
        @WithDefault("0.6")
        double titleWeight();

        /**
         * Party keys are hashed onto this many advisory locks; a batch holds the locks of its
         * mentions' parties, so mentions that could merge are never placed by two transactions at once.
         */
        @WithDefault("1024")
        int lockBuckets();

    }
}

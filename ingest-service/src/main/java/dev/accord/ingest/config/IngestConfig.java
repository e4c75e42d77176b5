package dev.accord.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the ingest service an operator may want to change ({@code accord.ingest.*}). */
@ConfigMapping(prefix = "accord.ingest")
public interface IngestConfig {

    /** The bearer key every write must present ({@code ACCORD_INGEST_API_KEY}). */
    String apiKey();

    /** Cleaned article text above this many characters is cut, so one event stays well under Kafka's record limit. */
    @WithDefault("200000")
    int maxTextChars();

    /** How long an HTTP request waits for Kafka to acknowledge its events before answering 503. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** Most requests whose events share one Kafka transaction (group commit). */
    @WithDefault("64")
    int maxRequestsPerTransaction();

    /** The CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/accord/ingest-service")
    String eventSource();

    Fetch fetch();

    Feeds feeds();

    /** Fetching a page when an article is submitted by URL only. */
    interface Fetch {
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("5242880")
        int maxBytes();

        @WithDefault("5")
        int maxRedirects();

        /** Hosts exempt from the private-address check (tests, local development). */
        Optional<List<String>> allowedHosts();
    }

    /** RSS/Atom feeds: how often they are polled, and when one that keeps failing is given up. */
    interface Feeds {
        /** How often each replica looks for feeds due for a poll (read by the scheduler; "off" stops polling). */
        @WithDefault("30s")
        String pollEvery();

        /** Most feeds one replica polls per look, one after another. */
        @WithDefault("10")
        int batchSize();

        /** The shortest time between two polls of a feed: for busy feeds, and the first retry after an error. */
        @WithDefault("5m")
        Duration minInterval();

        /** The longest time between two polls of a feed: for quiet feeds, and the cap of back-off and Retry-After. */
        @WithDefault("24h")
        Duration maxInterval();

        /** A feed that failed this many polls in a row is disabled (re-registering it enables it again). */
        @WithDefault("10")
        int maxErrors();

        /** How long a replica holds a feed it polls; a replica that dies mid-poll frees it after this. */
        @WithDefault("15m")
        Duration lease();

        /** Feed documents larger than this are refused (bytes, after decompression). */
        @WithDefault("5242880")
        int maxBytes();

        /** Most new entries ingested per poll; the rest follow on the next poll, which comes soon. */
        @WithDefault("50")
        int maxEntriesPerPoll();

        /** An entry that could not be ingested is tried again on later polls, this many times in all. */
        @WithDefault("3")
        int maxEntryAttempts();

        /**
         * Entry content ({@code content:encoded}, Atom content) with at least this many characters of text is
         * taken as the article; shorter content is a teaser, so the linked page is fetched instead.
         */
        @WithDefault("500")
        int minContentChars();
    }
}

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
}

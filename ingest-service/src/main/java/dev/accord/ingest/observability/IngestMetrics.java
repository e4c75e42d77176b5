package dev.accord.ingest.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The ingest service's own metrics, all named here. Prometheus shows them at {@code /q/metrics} with
 * dots turned into underscores and counters suffixed {@code _total}.
 */
@ApplicationScoped
public class IngestMetrics {

    /** Events put on Kafka, by topic and outcome ({@code ok}, {@code failed}, {@code duplicate}). */
    public static final String EVENTS_PRODUCED = "accord.events.produced";
    /** Time spent cleaning, splitting, extracting and tagging one article. */
    public static final String EXTRACTION = "accord.extraction";
    /** One Kafka transaction of the group commit, from its start to its commit (or failure). */
    public static final String TRANSACTION = "accord.ingest.transaction";
    /** How many requests' events one Kafka transaction carried. */
    public static final String TRANSACTION_REQUESTS = "accord.ingest.transaction.requests";

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    /** An article already ingested: acknowledged, nothing published. */
    public static final String DUPLICATE = "duplicate";

    private final MeterRegistry registry;
    private final Timer extraction;
    private final Timer transaction;
    private final DistributionSummary transactionRequests;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.extraction = Timer.builder(EXTRACTION).description("Time to extract initiatives from one article")
                .publishPercentileHistogram().register(registry);
        this.transaction = Timer.builder(TRANSACTION).description("Time of one Kafka transaction of the group commit")
                .publishPercentileHistogram().register(registry);
        this.transactionRequests = DistributionSummary.builder(TRANSACTION_REQUESTS)
                .description("Requests whose events one Kafka transaction carried").register(registry);
    }

    public void produced(String topic, String outcome, int count) {
        registry.counter(EVENTS_PRODUCED, "topic", topic, "outcome", outcome).increment(count);
    }

    /** Records one article's extraction (cleaning to tagging; fetching and publishing excluded). */
    public void extractionTook(long nanos) {
        extraction.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one transaction of the group commit: how long it took and how many requests it carried. */
    public void transactionTook(long nanos, int requests) {
        transaction.record(nanos, TimeUnit.NANOSECONDS);
        transactionRequests.record(requests);
    }
}

package dev.accord.ingest.messaging;

import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Topics;
import dev.accord.common.logging.EventLogContext;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.config.IngestConfig;
import dev.accord.ingest.observability.IngestMetrics;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes an article's events as binary-mode CloudEvents in one Kafka transaction, so the article
 * and its initiatives become visible together or not at all, and returns only once the transaction
 * committed ({@code acks=all}): the HTTP 202 that follows is a promise.
 *
 * <p>A producer runs one transaction at a time, so requests queue up and a single committer thread
 * puts everything waiting into the next transaction (group commit): one commit serves many
 * requests, and each request is still all or nothing.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final String CHANNEL = "events-out";

    private final KafkaTransactions<String> transactions;
    private final KafkaClientService clients;
    private final IngestConfig config;
    private final IngestMetrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread committer;
    /** A transaction's abort or commit timed out; the same call must be completed before the next transaction begins. */
    private boolean transactionInterrupted;
    /** The requests of that transaction: whether their events were committed is known once it is completed. */
    private final List<Pending> unsettled = new ArrayList<>();
    // How long the committer waits for requests before it looks at an interrupted transaction again.
    private static final long IDLE_POLL_MILLIS = 1000;
    /**
     * How long the committer waits for a transaction's outcome, much longer than a request waits: the producer's
     * own timeouts (max.block.ms, delivery.timeout.ms) end it first, so the committer learns whether the events of
     * requests that gave up were committed, instead of guessing.
     */
    private static final Duration OUTCOME_WAIT = Duration.ofMinutes(3);

    /**
     * One request's events; {@code committed} completes when they are (the request waits for it, up to the
     * publish timeout), {@code settled} once it is known for good whether they were: true committed, false never
     * will be. A request that gave up waiting learns from {@code settled} what became of its events.
     */
    private record Pending(List<Message<String>> messages, CompletableFuture<Void> committed,
            CompletableFuture<Boolean> settled) {
    }

    /** The events were not committed in time; {@link #settled()} tells whether they were in the end. */
    public static final class PublishFailed extends ProblemException {
        private final transient CompletableFuture<Boolean> settled;

        PublishFailed(CompletableFuture<Boolean> settled) {
            super(503, "Service Unavailable", "The article's events could not be stored on Kafka; retry later.", Map.of());
            this.settled = settled;
        }

        public CompletableFuture<Boolean> settled() {
            return settled;
        }
    }

    public EventPublisher(@Channel(CHANNEL) KafkaTransactions<String> transactions, KafkaClientService clients,
            IngestConfig config, IngestMetrics metrics) {
        this.transactions = transactions;
        this.clients = clients;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        committer = new Thread(this::commitLoop, "kafka-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (committer != null) {
            committer.interrupt();
        }
    }

    public void publish(ArticleIngested article, List<InitiativeExtracted> initiatives) {
        // The committer thread sends, so the request's trace context travels with each message: the
        // connector then writes it as the record's W3C traceparent header.
        TracingMetadata trace = TracingMetadata.with(Context.current(), Context.current());
        List<Message<String>> messages = new ArrayList<>();
        for (InitiativeExtracted initiative : initiatives) {
            messages.add(message(Topics.INITIATIVES, EventTypes.INITIATIVE_EXTRACTED, initiative.id().toString(),
                    article.contentHash(), initiative).addMetadata(trace));
        }
        messages.add(message(Topics.ARTICLES, EventTypes.ARTICLE_INGESTED, article.id().toString(),
                article.contentHash(), article).addMetadata(trace));
        Pending pending = new Pending(messages, new CompletableFuture<>(), new CompletableFuture<>());
        queue.add(pending);
        String articleEventId = EventIds.eventId(EventTypes.ARTICLE_INGESTED, article.id().toString(),
                article.contentHash()).toString();
        try (EventLogContext log = EventLogContext.of(articleEventId)) {
            try {
                pending.committed().get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                metrics.produced(Topics.ARTICLES, IngestMetrics.FAILED, 1);
                metrics.produced(Topics.INITIATIVES, IngestMetrics.FAILED, initiatives.size());
                LOG.errorf(e, "Kafka did not commit the events of article %s in time", article.id());
                throw failed(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(pending);
            }
            metrics.produced(Topics.ARTICLES, IngestMetrics.OK, 1);
            metrics.produced(Topics.INITIATIVES, IngestMetrics.OK, initiatives.size());
            LOG.infof("Published article %s with %d initiatives", article.id(), initiatives.size());
        }
    }

    /**
     * A request that gave up waiting: withdrawn if the committer has not taken it yet (its events will never be
     * sent), else its transaction decides.
     */
    private PublishFailed failed(Pending pending) {
        if (queue.remove(pending)) {
            pending.settled().complete(false);
        }
        return new PublishFailed(pending.settled());
    }

    private void commitLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    // No requests: still settle an interrupted transaction, whose requests' retries are waiting.
                    settleInterruptedTransaction();
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, config.maxRequestsPerTransaction() - 1);
            long started = System.nanoTime();
            try {
                completeInterruptedTransaction();
            } catch (RuntimeException e) {
                // Still stuck: this batch was never sent.
                batch.forEach(p -> {
                    p.committed().completeExceptionally(e);
                    p.settled().complete(false);
                });
                continue;
            }
            try {
                transactions.withTransaction(emitter -> {
                    batch.forEach(p -> p.messages().forEach(emitter::send));
                    return Uni.createFrom().voidItem();
                }).await().atMost(OUTCOME_WAIT);
                batch.forEach(p -> {
                    p.committed().complete(null);
                    p.settled().complete(true);
                });
            } catch (RuntimeException e) {
                boolean open = mayLeaveTransactionOpen(e);
                transactionInterrupted |= open;
                batch.forEach(p -> {
                    p.committed().completeExceptionally(e);
                    if (open) {
                        unsettled.add(p);
                    } else {
                        p.settled().complete(false);
                    }
                });
            } finally {
                metrics.transactionTook(System.nanoTime() - started, batch.size());
            }
        }
    }

    private void settleInterruptedTransaction() {
        try {
            completeInterruptedTransaction();
        } catch (RuntimeException e) {
            LOG.debugf("The interrupted transaction is still not complete: %s", e.getMessage());
        }
    }

    /**
     * When the broker goes away mid-transaction, the producer's abort or commit times out and the
     * Kafka client refuses every later transaction until that same call is retried (a timed-out commit
     * may only be retried, not abandoned); the channel retries neither, so without this the service
     * would answer 503 forever after a broker restart. A call that times out again leaves the flag set
     * and fails the batch, so the next batch tries once more.
     */
    private void completeInterruptedTransaction() {
        if (!transactionInterrupted) {
            return;
        }
        Producer<String, String> producer = clients.<String, String>getProducer(CHANNEL).unwrap();
        boolean committed;
        try {
            producer.abortTransaction();
            committed = false;
            LOG.info("Completed the abort of a transaction interrupted by a broker outage");
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("`commitTransaction` timed out")) {
                // No transaction was left to abort: the producer is ready, and the events' fate is unknown here.
                // They count as not committed: a retry may then publish them twice (consumers drop repeated
                // event ids), but is never told "duplicate" of events that are not there.
                committed = false;
            } else {
                // Its requests were answered 503; their retries wait for this and then find the article stored.
                producer.commitTransaction();
                committed = true;
                LOG.info("Completed the commit of a transaction interrupted by a broker outage");
            }
        }
        transactionInterrupted = false;
        boolean outcome = committed;
        unsettled.forEach(p -> p.settled().complete(outcome));
        unsettled.clear();
    }

    private static boolean mayLeaveTransactionOpen(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("must be retried"))) {
                return true;
            }
        }
        return false;
    }

    private Message<String> message(String topic, String type, String subject, String contentVersion, Object data) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(EventIds.eventId(type, subject, contentVersion).toString())
                .withType(type)
                .withSource(URI.create(config.eventSource()))
                .withSubject(subject)
                .withDataContentType("application/json")
                .withTimestamp(ZonedDateTime.now())
                .build();
        return Message.of(EventJson.write(data))
                .addMetadata(cloudEvent)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(subject).build());
    }


}

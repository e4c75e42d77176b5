package dev.accord.catalog.messaging;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.domain.OutboxEvent;
import dev.accord.catalog.observability.CatalogMetrics;
import dev.accord.catalog.recording.OutboxRowsWritten;
import dev.accord.common.concurrent.WakeableLoop;
import dev.accord.common.events.Topics;
import dev.accord.common.tracing.TraceParents;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to accord.catalog, oldest first, keyed by catalog entry so that each
 * entry's events stay in order on one partition. One replica relays at a time (a transaction-scoped
 * advisory lock), which keeps that order across replicas; rows are marked only after Kafka
 * acknowledged them, so a crash means a resend with the same {@code ce_id}, never a loss.
 *
 * <p>The relay loop runs when this replica's own transactions committed outbox rows, and every
 * {@code poll-interval} for the rest: rows of a replica that stopped before relaying them, or that
 * found another replica relaying. Waiting for the poll alone would add half an interval to every
 * change event's latency.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: the advisory lock that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x4163636f7264L;

    private final MutinyEmitter<String> catalog;
    private final EntityManager em;
    private final CatalogConfig config;
    private final CatalogMetrics metrics;
    private final WakeableLoop loop;
    /** When the backlog gauge was last counted ({@link System#nanoTime}); only the loop's thread touches it. */
    private long backlogCountedAt = System.nanoTime() - Long.MAX_VALUE / 2;

    public OutboxRelay(@Channel("catalog-out") MutinyEmitter<String> catalog, EntityManager em, CatalogConfig config,
            CatalogMetrics metrics) {
        this.catalog = catalog;
        this.em = em;
        this.config = config;
        this.metrics = metrics;
        this.loop = new WakeableLoop("outbox-relay", config.outbox().pollInterval(), woken -> relayPending());
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        // Unrelayed rows wait for the next start: the emitter and the datasource are going away.
        loop.stop(config.outbox().sendTimeout());
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRowsWritten written) {
        loop.wake();
    }

    void relayPending() {
        int relayed;
        do {
            relayed = relayBatch();
        } while (loop.running() && relayed == config.outbox().batchSize());
        // Counted at most once per poll interval: under load the loop wakes many times a second, and a count (a
        // transaction of its own) per wake-up was a fifth of the relay's CPU. The gauge lags by one interval at most.
        long now = System.nanoTime();
        if (now - backlogCountedAt >= config.outbox().pollInterval().toNanos()) {
            backlogCountedAt = now;
            metrics.outboxBacklog(pendingRows());
        }
    }

    @Transactional
    long pendingRows() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
                .getSingleResult()).longValue();
    }

    /** Relays one batch; returns how many rows it published. */
    @Transactional
    int relayBatch() {
        List<OutboxEvent> pending = em.unwrap(Session.class).doReturningWork(this::lockPending);
        if (pending.isEmpty()) {
            return 0;
        }
        try {
            // Sent with this transaction suspended (its lock and rows stay held): context propagation would otherwise
            // join Kafka's network thread, which completes the sends, to the transaction, and a commit that
            // finds a second thread still in it fails ("commiting with 2 threads active") and the batch is sent again.
            QuarkusTransaction.suspendingExisting().run(() -> Uni.join().all(pending.stream().map(this::send).toList())
                    .andFailFast().await().atMost(config.outbox().sendTimeout()));
        } catch (RuntimeException e) {
            metrics.produced(Topics.CATALOG, CatalogMetrics.FAILED, pending.size());
            throw e;
        }
        metrics.produced(Topics.CATALOG, CatalogMetrics.OK, pending.size());
        markPublished(pending, Instant.now());
        LOG.debugf("Relayed %d catalog events", pending.size());
        return pending.size();
    }

    /**
     * The oldest unpublished rows, locked, if this replica is the one relaying; none otherwise. Read with plain JDBC
     * into rows the session does not manage: this runs on every wake-up, and nothing read here is written back.
     */
    private List<OutboxEvent> lockPending(Connection connection) throws SQLException {
        try (PreparedStatement elect = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            elect.setLong(1, RELAY_LOCK);
            try (ResultSet elected = elect.executeQuery()) {
                if (!elected.next() || !elected.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        List<OutboxEvent> pending = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, event_id, event_type, aggregate_id, "
                + "payload, created_at, traceparent FROM outbox WHERE published_at IS NULL "
                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OutboxEvent event = new OutboxEvent();
                    event.id = rows.getLong(1);
                    event.eventId = rows.getObject(2, UUID.class);
                    event.eventType = rows.getString(3);
                    event.aggregateId = rows.getObject(4, UUID.class);
                    event.payload = rows.getString(5);
                    event.createdAt = rows.getObject(6, OffsetDateTime.class).toInstant();
                    event.traceparent = rows.getString(7);
                    pending.add(event);
                }
            }
        }
        return pending;
    }

    /**
     * One statement for the whole batch: setting the entities' field instead would have Hibernate write each
     * row back in full, payload included, one UPDATE per event.
     */
    private void markPublished(List<OutboxEvent> published, Instant at) {
        Long[] ids = published.stream().map(event -> event.id).toArray(Long[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET published_at = ? WHERE id = ANY(?)")) {
                update.setObject(1, at.atOffset(ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("bigint", ids));
                update.executeUpdate();
            }
        });
    }

    private Uni<Void> send(OutboxEvent event) {
        String subject = event.aggregateId.toString();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSource(URI.create(config.eventSource()))
                .withSubject(subject)
                .withDataContentType("application/json")
                .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                .build();
        // The change is published in the trace of the event that caused it: the connector starts its
        // producer span under this context and writes that span's traceparent header on the record.
        Context cause = TraceParents.restore(event.traceparent);
        return catalog.sendMessage(Message.of(event.payload)
                .addMetadata(cloudEvent)
                .addMetadata(TracingMetadata.with(cause, cause))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(subject).build()));
    }
}

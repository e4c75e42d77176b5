package dev.accord.catalog.messaging;

import dev.accord.catalog.observability.CatalogMetrics;
import dev.accord.common.tracing.TraceParents;
import dev.accord.catalog.service.CatalogRecorder;
import dev.accord.catalog.service.ConsumedEvent;
import dev.accord.common.db.DatabaseRetry;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.messaging.ConsumerLiveness;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Kafka adapter of the catalog. Each poll arrives as one batch and is stored in one database
 * transaction; the batch is acknowledged when this method returns, i.e. after that transaction
 * committed, and only acknowledged offsets are committed. A record that is not a valid CloudEvent of
 * the expected type, or that the database refuses on its own, goes to the dead-letter topic and the
 * rest of the batch is stored.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogEventConsumer.class);

    private final CatalogRecorder recorder;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;
    private final CatalogMetrics metrics;
    private final ConsumerLiveness liveness;

    public CatalogEventConsumer(CatalogRecorder recorder, DeadLetters deadLetters, StoreRetry retry,
            CatalogMetrics metrics, ConsumerLiveness liveness) {
        this.recorder = recorder;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.metrics = metrics;
        this.liveness = liveness;
    }

    @Incoming("articles-in")
    @Blocking
    public void onArticles(ConsumerRecords<String, String> records) {
        liveness.run("articles-in", () -> store(records, EventTypes.ARTICLE_INGESTED, ArticleIngested.class,
                recorder::recordArticles));
    }

    @Incoming("initiatives-in")
    @Blocking
    public void onInitiatives(ConsumerRecords<String, String> records) {
        liveness.run("initiatives-in", () -> store(records, EventTypes.INITIATIVE_EXTRACTED, InitiativeExtracted.class,
                recorder::recordInitiatives));
    }

    private <T> void store(ConsumerRecords<String, String> records, String type, Class<T> dataType,
            ToIntFunction<List<ConsumedEvent<T>>> writer) {
        List<ConsumerRecord<String, String>> accepted = new ArrayList<>();
        List<ConsumedEvent<T>> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(decode(record, type, dataType));
                accepted.add(record);
            } catch (EventDecoder.InvalidEventException e) {
                deadLetters.send(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        String topic = accepted.get(0).topic();
        int[] duplicates = new int[1];
        try {
            retry.run(() -> duplicates[0] = writer.applyAsInt(events));
            metrics.consumed(topic, CatalogMetrics.OK, events.size() - duplicates[0]);
            metrics.consumed(topic, CatalogMetrics.DUPLICATE, duplicates[0]);
        } catch (DatabaseRetry.ConsumptionStopped e) {
            throw e;
        } catch (RuntimeException batchFailure) {
            // The database refused something in the batch: store record by record so only the culprit is set aside.
            LOG.warnf("A batch of %d %s events failed (%s); storing them one at a time", events.size(), type,
                    batchFailure.getMessage());
            for (int i = 0; i < events.size(); i++) {
                List<ConsumedEvent<T>> single = List.of(events.get(i));
                try {
                    retry.run(() -> duplicates[0] = writer.applyAsInt(single));
                    metrics.consumed(topic, duplicates[0] == 0 ? CatalogMetrics.OK : CatalogMetrics.DUPLICATE, 1);
                } catch (DatabaseRetry.ConsumptionStopped e) {
                    throw e;
                } catch (RuntimeException e) {
                    deadLetters.send(accepted.get(i), e);
                }
            }
        }
    }

    private static <T> ConsumedEvent<T> decode(ConsumerRecord<String, String> record, String type, Class<T> dataType) {
        String id = header(record, "ce_id");
        String actualType = header(record, "ce_type");
        if (id == null || id.isBlank()) {
            throw new EventDecoder.InvalidEventException("The record is not a binary-mode CloudEvent: it has no ce_id");
        }
        if (!type.equals(actualType)) {
            throw new EventDecoder.InvalidEventException("Expected a " + type + " event, got " + actualType);
        }
        return new ConsumedEvent<>(id, Instant.ofEpochMilli(record.timestamp()),
                EventDecoder.decode(type, record.value(), dataType), header(record, TraceParents.HEADER));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

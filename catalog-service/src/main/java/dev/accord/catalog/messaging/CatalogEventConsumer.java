package dev.accord.catalog.messaging;

import dev.accord.catalog.observability.CatalogMetrics;
import dev.accord.catalog.recording.CatalogRecorder;
import dev.accord.catalog.recording.ConsumedEvent;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Topics;
import dev.accord.common.messaging.CloudEventRecord;
import dev.accord.common.messaging.ConsumerLiveness;
import dev.accord.common.messaging.EventBatches;
import dev.accord.common.messaging.StoreRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka adapter of the catalog. Each poll arrives as one batch and is stored in one database
 * transaction ({@link EventBatches}); the batch is acknowledged when this method returns, i.e. after
 * that transaction committed, and only acknowledged offsets are committed. A record that is not a
 * valid CloudEvent of the expected type, or that the database refuses on its own, goes to the
 * dead-letter topic and the rest of the batch is stored.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private final CatalogRecorder recorder;
    private final EventBatches batches;
    private final CatalogMetrics metrics;
    private final ConsumerLiveness liveness;

    public CatalogEventConsumer(CatalogRecorder recorder, DeadLetterTopic deadLetters, StoreRetry retry,
            CatalogMetrics metrics, ConsumerLiveness liveness) {
        this.recorder = recorder;
        this.batches = new EventBatches(retry, deadLetters);
        this.metrics = metrics;
        this.liveness = liveness;
    }

    @Incoming("articles-in")
    @Blocking
    public void onArticles(ConsumerRecords<String, String> records) {
        liveness.run("articles-in", () -> batches.store(records,
                event -> decode(event, EventTypes.ARTICLE_INGESTED, ArticleIngested.class),
                recorder::recordArticles, (events, duplicates) -> counted(Topics.ARTICLES, events, duplicates)));
    }

    @Incoming("initiatives-in")
    @Blocking
    public void onInitiatives(ConsumerRecords<String, String> records) {
        liveness.run("initiatives-in", () -> batches.store(records,
                event -> decode(event, EventTypes.INITIATIVE_EXTRACTED, InitiativeExtracted.class),
                recorder::recordInitiatives, (events, duplicates) -> counted(Topics.INITIATIVES, events, duplicates)));
    }

    private void counted(String topic, List<?> events, int duplicates) {
        metrics.consumed(topic, CatalogMetrics.OK, events.size() - duplicates);
        metrics.consumed(topic, CatalogMetrics.DUPLICATE, duplicates);
    }

    private static <T> ConsumedEvent<T> decode(CloudEventRecord event, String type, Class<T> dataType) {
        event.requireType(type);
        return new ConsumedEvent<>(event.id(), event.publishedAt(), EventDecoder.decode(type, event.data(), dataType),
                event.traceparent());
    }
}

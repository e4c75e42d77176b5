package dev.accord.alert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.alert.filter.ChangeKinds;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.observability.AlertMetrics;
import dev.accord.alert.planning.AlertPlanner;
import dev.accord.alert.planning.CatalogEventRef;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.common.logging.EventLogContext;
import dev.accord.common.messaging.CloudEventRecord;
import dev.accord.common.messaging.ConsumerLiveness;
import dev.accord.common.messaging.EventBatches;
import dev.accord.common.messaging.StoreRetry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka adapter of the alert service: catalog events become deliveries to the subscriptions that
 * match them. New initiatives, updates (a stage change or a new mention, as the payload says) and
 * new articles are matched. Each poll is planned in one transaction ({@link EventBatches}) and
 * acknowledged after it committed; records that break the contract go to the DLQ. Each delivery
 * stores its event's trace, so the webhook sent later continues it.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    /** A decoded event and how to plan it. */
    private record Decoded(CatalogEventRef event, IntSupplier plan) {
    }

    private final AlertPlanner planner;
    private final EventBatches batches;
    private final AlertMetrics metrics;
    private final ConsumerLiveness liveness;

    public CatalogEventConsumer(AlertPlanner planner, StoreRetry retry, DeadLetterTopic deadLetters, AlertMetrics metrics,
            ConsumerLiveness liveness) {
        this.planner = planner;
        this.batches = new EventBatches(retry, deadLetters);
        this.metrics = metrics;
        this.liveness = liveness;
    }

    @Incoming("catalog-in")
    @Blocking
    public void onCatalogEvents(ConsumerRecords<String, String> records) {
        liveness.run("catalog-in", () -> batches.store(records, this::decode, this::plan, this::counted));
    }

    /** Decoding happens first: a broken event is the data's fault and goes to the DLQ at once, while planning waits out a database outage. */
    private Decoded decode(CloudEventRecord record) {
        String type = record.type();
        String data = record.data();
        CatalogEventRef event = new CatalogEventRef(record.id(), type, record.time(), record.traceparent());
        IntSupplier plan = switch (type) {
            case EventTypes.INITIATIVE_CATALOGED -> {
                CatalogInitiative initiative = EventDecoder.decode(type, data, CatalogInitiative.class);
                yield () -> planner.plan(event, initiative, EnumSet.of(EventKind.INITIATIVE_CATALOGED));
            }
            case EventTypes.INITIATIVE_UPDATED -> {
                CatalogInitiative initiative = EventDecoder.decode(type, data, CatalogInitiative.class);
                Set<EventKind> kinds = ChangeKinds.ofUpdate(tree(data));
                yield () -> planner.plan(event, initiative, kinds);
            }
            case EventTypes.ARTICLE_CATALOGED -> {
                CatalogArticle article = EventDecoder.decode(type, data, CatalogArticle.class);
                yield () -> planner.plan(event, article);
            }
            default -> {
                EventDecoder.decode(type, data, Object.class);
                yield () -> 0;
            }
        };
        return new Decoded(event, plan);
    }

    /** Plans the events in one transaction; returns the deliveries queued per event type. */
    private Map<String, Integer> plan(List<Decoded> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> queued = new HashMap<>();
            for (Decoded decoded : events) {
                try (EventLogContext log = EventLogContext.of(decoded.event().id())) {
                    queued.merge(decoded.event().type(), decoded.plan().getAsInt(), Integer::sum);
                }
            }
            return queued;
        });
    }

    private void counted(List<Decoded> events, Map<String, Integer> queued) {
        queued.forEach(metrics::queued);
        metrics.consumed(Topics.CATALOG, AlertMetrics.OK, events.size());
    }

    private static JsonNode tree(String data) {
        try {
            return EventJson.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new EventDecoder.InvalidEventException("The event data is not JSON: " + e.getOriginalMessage());
        }
    }
}

package dev.accord.alert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.accord.alert.filter.ChangeKinds;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.observability.AlertMetrics;
import dev.accord.alert.observability.DeliveryTraces;
import dev.accord.common.tracing.TraceParents;
import dev.accord.alert.service.AlertPlanner;
import dev.accord.alert.service.CatalogEventRef;
import dev.accord.common.db.DatabaseRetry;
import dev.accord.common.messaging.ConsumerLiveness;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.common.logging.EventLogContext;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntSupplier;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka adapter of the alert service: catalog events become deliveries to the subscriptions that
 * match them. New initiatives, updates (a stage change or a new mention, as the payload says) and
 * new articles are matched; the offset is committed after the deliveries are stored; records that
 * break the contract go to the DLQ. The deliveries remember the event's trace, so the webhook sent
 * later continues it.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private final AlertPlanner planner;
    private final StoreRetry retry;
    private final DeliveryTraces traces;
    private final AlertMetrics metrics;
    private final ConsumerLiveness liveness;

    public CatalogEventConsumer(AlertPlanner planner, StoreRetry retry, DeliveryTraces traces, AlertMetrics metrics,
            ConsumerLiveness liveness) {
        this.planner = planner;
        this.retry = retry;
        this.traces = traces;
        this.metrics = metrics;
        this.liveness = liveness;
    }

    @Incoming("catalog-in")
    @Blocking
    public void onCatalogEvent(String data, IncomingCloudEventMetadata<String> cloudEvent,
            IncomingKafkaRecordMetadata<String, String> record) {
        liveness.run("catalog-in", () -> consume(data, cloudEvent, record));
    }

    private void consume(String data, IncomingCloudEventMetadata<String> cloudEvent,
            IncomingKafkaRecordMetadata<String, String> record) {
        String type = cloudEvent.getType();
        String id = cloudEvent.getId();
        CatalogEventRef event = new CatalogEventRef(id, type, occurredAt(cloudEvent, record));
        try (EventLogContext log = EventLogContext.of(id)) {
            // Decoding happens first: a broken event is the data's fault and goes to the DLQ at once, while
            // planning waits out a database outage.
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
            String traceparent = traceparent(record);
            int[] queued = new int[1];
            // One transaction per try: the trace context is bound to it, and a retry starts afresh.
            retry.run(() -> queued[0] = QuarkusTransaction.requiringNew().call(() -> {
                traces.bind(traceparent);
                return plan.getAsInt();
            }));
            metrics.queued(type, queued[0]);
            metrics.consumed(Topics.CATALOG, AlertMetrics.OK);
        } catch (DatabaseRetry.ConsumptionStopped e) {
            // Not the record's fault: the failure strategy leaves it for the partition's next owner.
            throw e;
        } catch (RuntimeException e) {
            // The connector's failure strategy sends the record to accord.catalog.dlq.
            metrics.consumed(Topics.CATALOG, AlertMetrics.DEAD_LETTERED);
            throw e;
        }
    }

    /** The CloudEvents {@code time}; the record's timestamp (when the catalog published it) if the event has none. */
    private static Instant occurredAt(IncomingCloudEventMetadata<String> cloudEvent,
            IncomingKafkaRecordMetadata<String, String> record) {
        return cloudEvent.getTimeStamp().map(ZonedDateTime::toInstant).orElseGet(record::getTimestamp);
    }

    /** The consumer span the connector opened for this record, or else the producer's header as it came. */
    private static String traceparent(IncomingKafkaRecordMetadata<String, String> record) {
        String current = TraceParents.of(Context.current());
        if (current != null) {
            return current;
        }
        Header header = record.getHeaders().lastHeader(TraceParents.HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String data) {
        try {
            return EventJson.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new EventDecoder.InvalidEventException("The event data is not JSON: " + e.getOriginalMessage());
        }
    }
}

package dev.accord.alert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.accord.alert.filter.ChangeKinds;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.service.AlertPlanner;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka adapter of the alert service: catalog events become deliveries to the subscriptions that
 * match them. New initiatives, updates (a stage change or a new mention, as the payload says) and
 * new articles are matched; the offset is committed after the deliveries are stored; records that
 * break the contract go to the DLQ.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private final AlertPlanner planner;
    private final StoreRetry retry;

    public CatalogEventConsumer(AlertPlanner planner, StoreRetry retry) {
        this.planner = planner;
        this.retry = retry;
    }

    @Incoming("catalog-in")
    @Blocking
    public void onCatalogEvent(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        String type = cloudEvent.getType();
        String id = cloudEvent.getId();
        // Decoding happens first: a broken event is the data's fault and goes to the DLQ at once, while
        // planning waits out a database outage.
        switch (type) {
            case EventTypes.INITIATIVE_CATALOGED -> {
                CatalogInitiative initiative = EventDecoder.decode(type, data, CatalogInitiative.class);
                retry.run(() -> planner.plan(id, type, initiative, EnumSet.of(EventKind.INITIATIVE_CATALOGED)));
            }
            case EventTypes.INITIATIVE_UPDATED -> {
                CatalogInitiative initiative = EventDecoder.decode(type, data, CatalogInitiative.class);
                Set<EventKind> kinds = ChangeKinds.ofUpdate(tree(data));
                retry.run(() -> planner.plan(id, type, initiative, kinds));
            }
            case EventTypes.ARTICLE_CATALOGED -> {
                CatalogArticle article = EventDecoder.decode(type, data, CatalogArticle.class);
                retry.run(() -> planner.plan(id, type, article));
            }
            default -> EventDecoder.decode(type, data, Object.class);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String data) {
        try {
            return EventJson.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new EventDecoder.InvalidEventException("The event data is not JSON: " + e.getOriginalMessage());
        }
    }
}

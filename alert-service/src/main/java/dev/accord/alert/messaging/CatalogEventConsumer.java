package dev.accord.alert.messaging;

import dev.accord.alert.service.AlertPlanner;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka adapter of the alert service: new catalog entries become deliveries. Other catalog event
 * types are checked against the contract and acknowledged; they notify nobody yet. The offset is
 * committed after the deliveries are stored; records that break the contract go to the DLQ.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private final AlertPlanner planner;

    public CatalogEventConsumer(AlertPlanner planner) {
        this.planner = planner;
    }

    @Incoming("catalog-in")
    @Blocking
    public void onCatalogEvent(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        String type = cloudEvent.getType();
        if (EventTypes.INITIATIVE_CATALOGED.equals(type)) {
            planner.plan(cloudEvent.getId(), type, EventDecoder.decode(type, data, CatalogInitiative.class));
        } else {
            EventDecoder.decode(type, data, Object.class);
        }
    }
}

package dev.accord.catalog.messaging;

import dev.accord.catalog.service.CatalogRecorder;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventDecoder;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka adapter of the catalog: decodes each CloudEvent and hands it to the recorder. The offset is
 * committed only after the method returns, i.e. after the database transaction committed; a record
 * that fails goes to the topic's dead-letter queue with the error in its headers.
 */
@ApplicationScoped
public class CatalogEventConsumer {

    private final CatalogRecorder recorder;

    public CatalogEventConsumer(CatalogRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("articles-in")
    @Blocking
    public void onArticle(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        recorder.recordArticle(cloudEvent.getId(),
                EventDecoder.decode(expect(cloudEvent, EventTypes.ARTICLE_INGESTED), data, ArticleIngested.class));
    }

    @Incoming("initiatives-in")
    @Blocking
    public void onInitiative(String data, IncomingCloudEventMetadata<String> cloudEvent) {
        recorder.recordInitiative(cloudEvent.getId(),
                EventDecoder.decode(expect(cloudEvent, EventTypes.INITIATIVE_EXTRACTED), data, InitiativeExtracted.class));
    }

    private static String expect(IncomingCloudEventMetadata<String> cloudEvent, String type) {
        if (!type.equals(cloudEvent.getType())) {
            throw new EventDecoder.InvalidEventException("Expected a " + type + " event, got " + cloudEvent.getType());
        }
        return type;
    }
}

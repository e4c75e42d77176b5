package dev.accord.ingest.messaging;

import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.config.IngestConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes an article's events as binary-mode CloudEvents and returns only when Kafka has
 * acknowledged every one of them ({@code acks=all}), so the HTTP 202 that follows is a promise.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final MutinyEmitter<String> articles;
    private final MutinyEmitter<String> initiatives;
    private final IngestConfig config;

    public EventPublisher(@Channel("articles-out") MutinyEmitter<String> articles,
            @Channel("initiatives-out") MutinyEmitter<String> initiatives, IngestConfig config) {
        this.articles = articles;
        this.initiatives = initiatives;
        this.config = config;
    }

    public void publish(ArticleIngested article, List<InitiativeExtracted> found) {
        List<Uni<Void>> sends = new ArrayList<>();
        for (InitiativeExtracted initiative : found) {
            sends.add(initiatives.sendMessage(message(EventTypes.INITIATIVE_EXTRACTED, initiative.id().toString(),
                    article.contentHash(), initiative)));
        }
        sends.add(articles.sendMessage(message(EventTypes.ARTICLE_INGESTED, article.id().toString(),
                article.contentHash(), article)));
        try {
            Uni.join().all(sends).andFailFast().await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Kafka did not acknowledge the events of article %s", article.id());
            throw new ProblemException(503, "Service Unavailable",
                    "The article's events could not be stored on Kafka; retry later.", Map.of());
        }
        LOG.infof("Published article %s with %d initiatives", article.id(), found.size());
    }

    private Message<String> message(String type, String subject, String contentVersion, Object data) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(EventIds.eventId(type, subject, contentVersion).toString())
                .withType(type)
                .withSource(URI.create(config.eventSource()))
                .withSubject(subject)
                .withDataContentType("application/json")
                .withTimestamp(ZonedDateTime.now())
                .build();
        return Message.of(toJson(data))
                .addMetadata(cloudEvent)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(subject).build());
    }

    private static String toJson(Object data) {
        try {
            return EventJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event records always serialise", e);
        }
    }
}

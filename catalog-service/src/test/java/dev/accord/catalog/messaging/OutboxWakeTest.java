package dev.accord.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventAssertions;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The change events of a consumed batch are relayed once its transaction commits, not at the relay's next
 * poll: here the poll is an hour away, so only the wake-up after the commit can bring them to accord.catalog.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.RarePoll.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OutboxWakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class RarePoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.catalog.outbox.poll-interval", "1h");
        }
    }

    @Test
    void committedChangesAreRelayedWithoutWaitingForThePoll() {
        try (CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers());
                TopicReader catalog = new TopicReader(TestKafka.bootstrapServers(), Topics.CATALOG)) {
            // Two initiatives that do not merge: the relay must wake for each commit, not only for the first one.
            List<String> sentences = List.of("The agency is launching a deep-sea cable repair fleet.",
                    "Both governments plan a joint fund for semiconductor apprenticeships.");
            List<String> countries = List.of("PH", "IN");
            for (int round = 0; round < 2; round++) {
                UUID articleId = UUID.randomUUID();
                InitiativeExtracted initiative = CatalogTestEvents.initiative(articleId, sentences.get(round), "launched",
                        countries.get(round));
                producer.send(Topics.INITIATIVES, initiative.id().toString(), CatalogTestEvents.eventId(),
                        EventTypes.INITIATIVE_EXTRACTED, initiative);
                producer.send(Topics.ARTICLES, articleId.toString(), CatalogTestEvents.eventId(),
                        EventTypes.ARTICLE_INGESTED, CatalogTestEvents.article(articleId, List.of(initiative.id())));

                List<TopicReader.Read> cataloged = catalog.awaitRecords(
                        r -> r.key().equals(initiative.id().toString()), 1, WAIT);
                CloudEventAssertions.assertCloudEvent(cataloged.get(0), EventTypes.INITIATIVE_CATALOGED);
                List<TopicReader.Read> article = catalog.awaitRecords(r -> r.key().equals(articleId.toString()), 1, WAIT);
                assertThat(article.get(0).header("ce_type")).isEqualTo(EventTypes.ARTICLE_CATALOGED);
            }
        }
    }
}

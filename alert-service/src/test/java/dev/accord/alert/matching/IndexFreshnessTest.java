package dev.accord.alert.matching;

import dev.accord.alert.domain.Credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A subscription created through another replica is matched from its first event on, although this
 * replica's scheduled refresh is an hour away: an event newer than the index makes it look again.
 */
@QuarkusTest
@TestProfile(IndexFreshnessTest.RareRefresh.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class IndexFreshnessTest {

    public static class RareRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.alert.matching.refresh-interval", "1h",
                    "accord.alert.matching.full-reload-interval", "1h");
        }
    }

    @Inject
    SubscriptionMatcher matcher;
    @Inject
    EntityManager em;

    @Test
    void aSubscriptionMadeElsewhereGetsTheNextEventWithoutWaitingForTheScheduledRefresh() throws Exception {
        String marker = "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            // The index is loaded (at start) before the subscription exists.
            UUID elsewhere = UUID.randomUUID();
            MatchingFixtures.insertSubscription(em, elsewhere, Credentials.newToken(), marker, receiver.url("/elsewhere"));
            assertThat(matcher.isIndexed(elsewhere)).as("not yet seen by this replica").isFalse();

            CatalogInitiative initiative = MatchingFixtures.initiative("The " + marker + " initiative", "JP", "announced");
            producer.send(Topics.CATALOG, initiative.id().toString(), UUID.randomUUID().toString(),
                    EventTypes.INITIATIVE_CATALOGED, initiative);

            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
            JsonNode body = EventJson.mapper().readTree(receiver.received().get(0).body());
            assertThat(body.get("subscriptionId").asText()).isEqualTo(elsewhere.toString());
            assertThat(body.get("initiative").get("id").asText()).isEqualTo(initiative.id().toString());
            assertThat(matcher.isIndexed(elsewhere)).isTrue();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM subscription WHERE query = ?1")
                    .setParameter(1, marker).executeUpdate());
        }
    }
}

package dev.accord.alert.matching;

import dev.accord.alert.domain.Credentials;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog events and subscription rows for the matching tests. */
final class MatchingFixtures {

    private MatchingFixtures() {
    }

    static CatalogInitiative initiative(String title, String country, String stage) {
        return initiative(UUID.randomUUID(), title, country, stage);
    }

    static CatalogInitiative initiative(UUID id, String title, String country, String stage) {
        String sentence = title + ", the ministers said.";
        return new CatalogInitiative(1, id, title, sentence, new Evidence(sentence, 0, sentence.length()),
                new Parties(List.of(country), List.of()), List.of("defense"), stage, 0.7, List.of(UUID.randomUUID()),
                Instant.now(), Instant.now(), "http://localhost:8082/api/initiatives/" + id);
    }

    /**
     * A webhook subscription to new initiatives in Japan matching {@code query}, written straight to
     * the database as another replica would, so this replica learns of it only from the database.
     */
    static void insertSubscription(EntityManager em, UUID id, String token, String query, URI webhook) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO subscription (id, name, topics, countries, "
                + "orgs, keywords, query, events, channel_type, webhook_url, webhook_secret, token_hash, status, created_at, "
                + "updated_at) VALUES (?1, 'elsewhere', '{}', '{JP}', '{}', '{}', ?2, '{initiative.cataloged}', 'webhook', ?3, ?4, "
                + "?5, 'active', now(), now())")
                .setParameter(1, id)
                .setParameter(2, query)
                .setParameter(3, webhook.toString())
                .setParameter(4, Credentials.newWebhookSecret())
                .setParameter(5, Credentials.hash(token))
                .executeUpdate());
    }
}

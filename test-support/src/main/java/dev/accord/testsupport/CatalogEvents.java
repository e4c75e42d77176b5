package dev.accord.testsupport;

import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.webhookreceiver.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog events as alert-service consumes them, for drills that count notifications per initiative. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** The {@code n}-th of a series of distinct defence initiatives between the US and {@code country}. */
    public static CatalogInitiative initiative(String country, int n) {
        UUID id = UUID.randomUUID();
        String sentence = "The two countries are launching joint programme number " + n + ".";
        return new CatalogInitiative(1, id, "Joint programme " + n, sentence, new Evidence(sentence, 0, sentence.length()),
                new Parties(List.of("US", country), List.of()), List.of("defense"), "launched", 0.6,
                List.of(UUID.randomUUID()), Instant.now(), Instant.now(), "http://catalog.accord.test/api/initiatives/" + id);
    }

    /** Publishes the initiative as newly cataloged, under a fresh event id; returns the initiative id. */
    public static String publish(CloudEventProducer producer, CatalogInitiative initiative) {
        producer.send(Topics.CATALOG, initiative.id().toString(), UUID.randomUUID().toString(),
                EventTypes.INITIATIVE_CATALOGED, initiative);
        return initiative.id().toString();
    }

    /** The {@code initiative.id} a webhook notification about an initiative names. */
    public static String initiativeId(WebhookReceiver.Received notification) {
        try {
            return EventJson.mapper().readTree(notification.body()).path("initiative").path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

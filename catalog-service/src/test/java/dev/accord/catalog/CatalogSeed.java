package dev.accord.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeds the catalog the way production does, by publishing contract events to Kafka. Every entry
 * of one seed names the organisation {@link #org()}, a fresh value, so a test filtering on it sees
 * exactly its own entries whatever else the shared database holds.
 */
public final class CatalogSeed implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers());
    private final String token;
    private final List<UUID> initiatives = new ArrayList<>();
    private final List<UUID> articles = new ArrayList<>();

    public CatalogSeed() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        token = word.toString();
    }

    /** A made-up word no other seed uses, for full-text queries. */
    public String token() {
        return token;
    }

    /** The organisation every entry of this seed names. */
    public String org() {
        return "Agency " + token;
    }

    /** Publishes one initiative (title, summary, evidence as given) and returns its id. */
    public UUID initiative(String title, String summary, String evidence, List<String> countries, List<String> topics,
            String stage) {
        UUID articleId = UUID.randomUUID();
        UUID id = EventIds.initiativeId(articleId, evidence);
        InitiativeExtracted event = new InitiativeExtracted(1, id, articleId, title, summary,
                new Evidence(evidence, 0, evidence.length()), new Parties(countries, List.of("NASA", org())), topics,
                stage, 0.7, "rules-0.1", null);
        producer.send(Topics.INITIATIVES, id.toString(), UUID.randomUUID().toString(), EventTypes.INITIATIVE_EXTRACTED, event);
        initiatives.add(id);
        // One at a time, so entries are cataloged (and timestamped) in the order they were published.
        awaitCataloged();
        return id;
    }

    /** Publishes one article and returns its id. */
    public UUID article(String title, String text, List<String> topics, List<String> countries) {
        UUID id = UUID.randomUUID();
        ArticleIngested event = new ArticleIngested(1, id, "https://news.example.org/" + id, "news.example.org", title,
                Instant.parse("2024-04-10T06:00:00Z"), Instant.now(), "en", text, "sha256:" + (id.toString() + id).replace("-", ""), topics,
                countries, List.of(org()), List.of(), List.of());
        producer.send(Topics.ARTICLES, id.toString(), UUID.randomUUID().toString(), EventTypes.ARTICLE_INGESTED, event);
        articles.add(id);
        awaitCataloged();
        return id;
    }

    /** Waits until the catalog serves every entry and article published so far. */
    public void awaitCataloged() {
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("org", org()).queryParam("limit", 200)
                .get("/api/initiatives").then().statusCode(200).body("items.size()", equalTo(initiatives.size())));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("org", org()).queryParam("limit", 200)
                .get("/api/articles").then().statusCode(200).body("items.size()", equalTo(articles.size())));
    }

    @Override
    public void close() {
        producer.close();
    }
}

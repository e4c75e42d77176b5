package dev.accord.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.ingest.intake.UrlCanonicalizer;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventAssertions;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds end to end: registered over the API, served by a real HTTP server on loopback, polled by the
 * scheduler (every second in tests, intervals of seconds), their entries ingested onto a real Kafka.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FeedPollingTest {

    private static final String KEY = "Bearer test-ingest-key";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static FixtureHttpServer server;
    private final List<String> registered = new ArrayList<>();

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    static void startServer() {
        server = FixtureHttpServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Feeds left registered would go on being polled while other test classes run. */
    @AfterEach
    void deleteFeeds() {
        for (String id : registered) {
            given().header("Authorization", KEY).delete("/api/feeds/" + id);
        }
    }

    @Test
    void newEntriesAreIngestedAndAConditionalGetThatGets304IngestsNothing() {
        String path = "/reuters/" + UUID.randomUUID() + ".rss";
        String etag = server.document(path, server.localised(FeedFixtures.bytes("rn-rss-parser-reuters-world-news.rss")),
                "application/rss+xml; charset=UTF-8");
        // One entry's page is there; the other nine 404, so their descriptions become their text.
        String pagePath = "/ext/www.reuters.com/article/us-northkorea-missiles-usa/"
                + "u-s-general-says-north-korea-not-demonstrated-all-components-of-icbm-idUSKBN1FJ2J0";
        String marker = "Marker " + UUID.randomUUID().toString().replace("-", "");
        server.document(pagePath, page("North Korea ICBM", marker + ". The United States and Japan agreed to launch a joint "
                + "missile defence programme next year."), "text/html; charset=UTF-8");

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES)) {
            String id = register(server.url(path).toString(), "Reuters World (test)");
            JsonPath polled = awaitFeed(id, f -> f.getInt("entriesSeen") == 10 && f.getString("lastSuccessAt") != null);
            assertThat(polled.getString("status")).isEqualTo("active");
            assertThat(polled.getInt("errorCount")).isZero();
            assertThat(polled.getInt("lastHttpStatus")).isEqualTo(200);

            List<Map<String, Object>> entries = entries(id);
            assertThat(entries).hasSize(10).allSatisfy(e -> {
                assertThat(e.get("status")).isEqualTo("ingested");
                assertThat(e.get("articleId")).isNotNull();
                assertThat((String) e.get("link")).startsWith(server.url("/ext/").toString());
            });
            Set<String> articleIds = entries.stream().map(e -> (String) e.get("articleId")).collect(Collectors.toSet());
            List<TopicReader.Read> articles = reader.awaitRecords(r -> articleIds.contains(r.key()), 10, PATIENCE);
            Map<String, JsonNode> byUrl = articles.stream().map(r -> CloudEventAssertions.assertCloudEvent(r, EventTypes.ARTICLE_INGESTED))
                    .collect(Collectors.toMap(d -> d.get("url").asText(), d -> d));
            assertThat(byUrl.values()).allSatisfy(a -> assertThat(a.get("source").asText()).isEqualTo("Reuters World (test)"));
            // The page that was there was fetched and cleaned; the others fell back to the feed's description.
            assertThat(byUrl.get(UrlCanonicalizer.canonical(server.url(pagePath).toString())).get("text").asText()).contains(marker);
            JsonNode liberia = byUrl.values().stream().filter(a -> a.get("title").asText().startsWith("Shots fired as Liberia"))
                    .findFirst().orElseThrow();
            assertThat(liberia.get("text").asText()).startsWith("MONROVIA (Reuters) - Liberian police fired live ammunition");
            assertThat(liberia.get("publishedAt").asText()).isEqualTo("2018-01-30T22:16:42Z");

            // Eight entries per poll in tests: the first poll left two, and held back the validators for them.
            assertThat(server.requests(path).subList(0, 2)).allSatisfy(r -> assertThat(r.header("If-None-Match")).isNull());
            // Once all are in, the next poll presents the validators, gets 304, and changes nothing.
            JsonPath notModified = awaitFeed(id, f -> Integer.valueOf(304).equals(f.get("lastHttpStatus")));
            assertThat(notModified.getInt("entriesSeen")).isEqualTo(10);
            FixtureHttpServer.Request conditional = server.requests(path).stream().filter(r -> r.header("If-None-Match") != null)
                    .findFirst().orElseThrow();
            assertThat(conditional.header("If-None-Match")).isEqualTo(etag);
            assertThat(conditional.header("If-Modified-Since")).isEqualTo("Wed, 31 Jan 2018 20:15:15 GMT");
            assertThat(entries(id)).allSatisfy(e -> assertThat(e.get("attempts")).isEqualTo(1));
            assertThat(reader.drain()).filteredOn(r -> r.value().contains("Reuters World (test)")).hasSize(10);
            // Nothing new: the interval grows from the minimum.
            assertThat(notModified.getLong("pollIntervalSeconds")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void fullArticlesInContentEncodedAreIngestedWithoutFetchingTheirPages() {
        // TechCrunch's fixture starts with a blank line before <?xml ...?>, served as is.
        String path = "/techcrunch/" + UUID.randomUUID() + ".xml";
        server.document(path, server.localised(FeedFixtures.bytes("feedjira-TechCrunch.xml")), "text/xml; charset=UTF-8");
        String id = register(server.url(path).toString(), null);
        JsonPath polled = awaitFeed(id, f -> f.getInt("entriesSeen") == 20);
        assertThat(polled.getString("title")).isEqualTo("TechCrunch");
        assertThat(polled.getInt("entriesFailed")).isZero();
        assertThat(entries(id)).allSatisfy(e -> assertThat(e.get("status")).isIn("ingested", "duplicate"));
        assertThat(server.requestsUnder("/ext/techcrunch.com/")).isEmpty();
    }

    @Test
    void latin1FeedServedWithItsCharsetIsDecodedAndEntryFailuresDoNotStopThePoll() {
        String path = "/uol/" + UUID.randomUUID() + ".rss";
        server.document(path, server.localised(FeedFixtures.bytes("rss-parser-uolNoticias.rss")),
                "application/rss+xml; charset=ISO-8859-1");
        String id = register(server.url(path).toString(), null);
        // Entries whose page 404s and that have no description cannot be ingested; they are retried, then settled.
        JsonPath polled = awaitFeed(id, f -> f.getInt("entriesSeen") == 15
                && entries(f.getString("id")).stream().filter(e -> "failed".equals(e.get("status")))
                        .allMatch(e -> (Integer) e.get("attempts") == 3));
        assertThat(polled.getString("status")).isEqualTo("active");
        assertThat(polled.getString("title")).isEqualTo("UOL Noticias");
        List<Map<String, Object>> entries = entries(id);
        assertThat(entries).extracting(e -> (String) e.get("title"))
                .contains("Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");
        assertThat(entries).filteredOn(e -> "ingested".equals(e.get("status"))).isNotEmpty();
        assertThat(entries).filteredOn(e -> "failed".equals(e.get("status"))).isNotEmpty()
                .allSatisfy(e -> assertThat((String) e.get("error")).startsWith("4"));
        assertThat(polled.getInt("entriesFailed")).isEqualTo((int) entries.stream().filter(e -> "failed".equals(e.get("status"))).count());
    }

    @Test
    void tooManyRequestsWithRetryAfterPushesTheNextPoll() {
        String path = "/busy/" + UUID.randomUUID() + ".rss";
        server.status(path, 429, Map.of("Retry-After", "3600"));
        String id = register(server.url(path).toString(), null);
        JsonPath feed = awaitFeed(id, f -> f.getInt("errorCount") == 1);
        assertThat(feed.getString("status")).isEqualTo("failing");
        assertThat(feed.getInt("lastHttpStatus")).isEqualTo(429);
        assertThat(feed.getString("lastError")).contains("429").contains("Retry-After 3600s");
        Instant polledAt = Instant.parse(feed.getString("lastPolledAt"));
        assertThat(Instant.parse(feed.getString("nextPollAt"))).isAfterOrEqualTo(polledAt.plusSeconds(3600).minusSeconds(1));
        // Without Retry-After the first back-off (1 s in tests) would have polled it again by now.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> server.requests(path).size() == 1);
    }

    @Test
    void aFeedThatIsNotXmlFailsVisiblyThenIsDisabledAndRegisteringItAgainEnablesIt() {
        String path = "/not-a-feed/" + UUID.randomUUID();
        server.route(path, r -> new FixtureHttpServer.Reply(200, Map.of("Content-Type", "text/html; charset=UTF-8"),
                "<html><head><meta charset=utf-8><title>Hello</title></head><body><p>No feed here<br></body></html>"
                        .getBytes(StandardCharsets.UTF_8)));
        String url = server.url(path).toString();
        String id = register(url, null);

        JsonPath failing = awaitFeed(id, f -> f.getInt("errorCount") == 1);
        assertThat(failing.getString("status")).isEqualTo("failing");
        assertThat(failing.getString("lastError")).contains("not well-formed XML");
        assertThat(failing.getString("nextPollAt")).isNotNull();

        JsonPath disabled = awaitFeed(id, f -> "disabled".equals(f.getString("status")));
        assertThat(disabled.getInt("errorCount")).isEqualTo(3);
        assertThat(disabled.getString("nextPollAt")).isNull();
        // Back-off doubled between the errors: 1 s, then 2 s, so three polls took at least 3 s.
        List<FixtureHttpServer.Request> polls = server.requests(path);
        assertThat(polls).hasSize(3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> server.requests(path).size() == 3);

        given().header("Authorization", KEY).contentType("application/json").body("{\"url\":\"" + url + "\"}")
                .post("/api/feeds").then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("active"))
                .body("errorCount", equalTo(0));
        awaitFeed(id, f -> f.getInt("errorCount") == 1);
    }

    @Test
    void registeringTheSameFeedAgainReturnsTheFirstRegistration() {
        String url = server.url("/same/" + UUID.randomUUID() + ".rss").toString();
        String id = register(url, "First");
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"" + url.replace("http://127.0.0.1", "HTTP://127.0.0.1") + "?utm_source=x#top\", \"title\": \"Second\"}")
                .post("/api/feeds").then().statusCode(200).header("Location", endsWith("/api/feeds/" + id))
                .body("id", equalTo(id)).body("title", equalTo("First"));
    }

    @Test
    void deletedFeedsAreGone() {
        String id = register(server.url("/gone/" + UUID.randomUUID() + ".rss").toString(), null);
        given().header("Authorization", KEY).delete("/api/feeds/" + id).then().statusCode(204);
        given().header("Authorization", KEY).get("/api/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", KEY).delete("/api/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(given().header("Authorization", KEY).get("/api/feeds?limit=200").then().statusCode(200).extract().<List<String>>path("items.id")).doesNotContain(id);
    }

    @Test
    void theListIsCursorPagedNewestFirst() {
        String a = register(server.url("/list/a-" + UUID.randomUUID()).toString(), "a");
        String b = register(server.url("/list/b-" + UUID.randomUUID()).toString(), "b");
        String c = register(server.url("/list/c-" + UUID.randomUUID()).toString(), "c");
        ExtractableResponse<Response> first = given().header("Authorization", KEY).queryParam("limit", 2).get("/api/feeds").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        assertThat(first.<List<String>>path("items.id")).containsExactly(c, b);
        given().header("Authorization", KEY).queryParam("limit", 2).queryParam("cursor", first.<String>path("nextCursor")).get("/api/feeds").then()
                .statusCode(200).body("items[0].id", equalTo(a));
        given().header("Authorization", KEY).queryParam("limit", 0).get("/api/feeds").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("limit"));
        given().header("Authorization", KEY).queryParam("cursor", "not-a-cursor").get("/api/feeds").then().statusCode(400).body("parameter", equalTo("cursor"));
    }

    @Test
    void badRegistrationsAreProblems() {
        for (String body : List.of("{}", "{\"url\":\"\"}", "{\"url\":\"ftp://127.0.0.1/feed\"}", "{\"url\":\"not a url\"}",
                "{\"url\":\"http://10.1.2.3/feed.rss\"}", "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}",
                "{\"url\":\"http://[::1]/feed\"}")) {
            given().header("Authorization", KEY).contentType("application/json").body(body).post("/api/feeds")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                    .body("parameter", equalTo("url"));
        }
        for (String body : List.of("{\"url\": ", "[1,2]", "")) {
            given().header("Authorization", KEY).contentType("application/json").body(body).post("/api/feeds")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1/x\",\"title\":\"" + "t".repeat(301) + "\"}").post("/api/feeds")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("title"));
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1/" + "x".repeat(2048) + "\"}").post("/api/feeds")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("url"));
        given().header("Authorization", KEY).get("/api/feeds/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void writesNeedTheKey() {
        String url = server.url("/unauthorised.rss").toString();
        given().contentType("application/json").body("{\"url\":\"" + url + "\"}").post("/api/feeds")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").contentType("application/json").body("{\"url\":\"" + url + "\"}")
                .post("/api/feeds").then().statusCode(401);
        given().delete("/api/feeds/" + UUID.randomUUID()).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", KEY).get("/api/feeds").then().statusCode(200);
    }

    @Test
    void feedsAreReadOnlyWithTheKey() {
        String id = register(server.url("/private.rss").toString(), null);
        for (String path : List.of("/api/feeds", "/api/feeds/" + id, "/api/feeds/" + id + "/entries")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
            given().header("Authorization", "Bearer wrong").get(path).then().statusCode(401);
            given().header("Authorization", KEY).get(path).then().statusCode(200);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String register(String url, String title) {
        String body = "{\"url\":\"" + url + "\"" + (title == null ? "" : ",\"title\":\"" + title + "\"") + "}";
        ExtractableResponse<Response> created = given().header("Authorization", KEY).contentType("application/json").body(body)
                .post("/api/feeds").then().statusCode(201).contentType("application/json")
                .body("url", equalTo(url)).body("status", equalTo("active")).body("errorCount", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/feeds/" + id);
        registered.add(id);
        return id;
    }

    private static JsonPath feed(String id) {
        return given().header("Authorization", KEY).get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitFeed(String id, Predicate<JsonPath> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> feed(id), condition::test);
    }

    private static List<Map<String, Object>> entries(String id) {
        return given().header("Authorization", KEY).queryParam("limit", 200).get("/api/feeds/" + id + "/entries").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static byte[] page(String title, String text) {
        return ("<html lang='en'><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text
                + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
    }
}

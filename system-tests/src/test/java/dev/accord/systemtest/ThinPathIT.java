package dev.accord.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.Fixtures;
import dev.accord.testsupport.PrometheusText;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path through public HTTP only: the seed article posted to ingest reaches the catalog
 * through Kafka, and a webhook subscriber created on the alert API receives signed notifications
 * for it whose catalog links resolve. The three services run as the packaged jars, in their own
 * processes, on one broker and one database.
 */
class ThinPathIT {

    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final String API_KEY = AccordSystem.API_KEY;

    private static AccordSystem system;
    private static WebhookReceiver receiver;
    private static ServiceProcess ingest;
    private static ServiceProcess catalog;
    private static ServiceProcess alert;
    private static ServiceProcess console;

    @BeforeAll
    static void startSystem() {
        system = AccordSystem.start("system", Map.of());
        receiver = system.receiver;
        ingest = system.ingest;
        catalog = system.catalog;
        alert = system.alert;
        console = system.console;
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void seedArticleFlowsFromIngestToCatalogToSignedWebhook() throws Exception {
        JsonPath subscription = given().baseUri(alert.baseUrl()).contentType("application/json")
                .body("{\"name\":\"japan\",\"filter\":{\"countries\":[\"JP\"]},"
                        + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + receiver.url("/accord") + "\"}}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();

        // The article enters in a trace of the test's own; the same trace id must come out on the webhooks.
        String traceId = PrometheusText.newTraceId();
        JsonPath accepted = given().baseUri(ingest.baseUrl()).header("Authorization", "Bearer " + API_KEY)
                .header("traceparent", PrometheusText.traceparent(traceId))
                .contentType("text/plain; charset=UTF-8").queryParam("url", "https://thehill.com/system-test/" + UUID.randomUUID())
                .body(Fixtures.seedArticle())
                .post("/api/articles").then().statusCode(202).extract().jsonPath();
        String articleId = accepted.getString("articleId");
        List<String> initiativeIds = accepted.getList("initiatives.id");
        assertThat(initiativeIds).hasSizeGreaterThanOrEqualTo(5);

        await("article in the catalog").atMost(FLOW).untilAsserted(() ->
                given().baseUri(catalog.baseUrl()).get("/api/articles/" + articleId).then().statusCode(200));
        await("initiatives in the catalog").atMost(FLOW).untilAsserted(() -> {
            List<String> listed = given().baseUri(catalog.baseUrl()).queryParam("limit", 200)
                    .get("/api/initiatives").then().statusCode(200).extract().jsonPath().getList("items.id");
            assertThat(listed).containsAll(initiativeIds);
        });
        Set<String> japanese = new HashSet<>(given().baseUri(catalog.baseUrl()).queryParam("country", "JP")
                .queryParam("limit", 200).get("/api/initiatives").then().statusCode(200)
                .extract().jsonPath().getList("items.id"));
        japanese.retainAll(initiativeIds);
        assertThat(japanese).isNotEmpty();

        await("webhooks received").atMost(FLOW).until(() -> receiver.received().size() >= japanese.size());
        List<WebhookReceiver.Received> webhooks = receiver.received();
        assertThat(webhooks).hasSize(japanese.size());
        assertThat(webhooks.stream().map(w -> w.header("webhook-id")).collect(Collectors.toSet())).hasSize(webhooks.size());
        Set<String> notified = new HashSet<>();
        for (WebhookReceiver.Received webhook : webhooks) {
            webhook.verify(subscription.getString("secret"));
            JsonNode body = EventJson.mapper().readTree(webhook.body());
            assertThat(body.get("subscriptionId").asText()).isEqualTo(subscription.getString("id"));
            notified.add(body.get("initiative").get("id").asText());
            given().get(body.get("catalogUrl").asText()).then().statusCode(200);
            assertThat(PrometheusText.traceIdOf(webhook.header("traceparent"))).as("webhook traceparent").isEqualTo(traceId);
        }
        assertThat(notified).isEqualTo(japanese);
        // The preview of the same filter, read from the catalog, lists what the subscription was sent.
        JsonPath preview = given().baseUri(alert.baseUrl()).contentType("application/json")
                .body("{\"filter\":{\"countries\":[\"JP\"]},\"days\":1}")
                .post("/api/subscriptions/preview").then().statusCode(200).extract().jsonPath();
        assertThat(new HashSet<>(preview.<String>getList("initiatives.id"))).containsAll(japanese);
        assertThat(preview.getBoolean("complete")).isTrue();
        assertThat(preview.getInt("scanned")).isGreaterThanOrEqualTo(initiativeIds.size());
        JsonPath none = given().baseUri(alert.baseUrl()).contentType("application/json")
                .body("{\"filter\":{\"keywords\":[\"" + UUID.randomUUID() + "\"]}}")
                .post("/api/subscriptions/preview").then().statusCode(200).extract().jsonPath();
        assertThat(none.getInt("matched")).isZero();
        assertThat(none.getList("initiatives")).isEmpty();

        // The console shows the same catalog to people: a search, an initiative with its evidence, and a subscription made
        // through its form.
        String search = given().baseUri(console.baseUrl()).queryParam("country", "JP").get("/initiatives")
                .then().statusCode(200).contentType("text/html").extract().asString();
        for (String id : japanese) {
            assertThat(search).contains("href=\"/initiatives/" + id + "\"");
        }
        String firstId = japanese.iterator().next();
        String evidence = given().baseUri(catalog.baseUrl()).get("/api/initiatives/" + firstId).then().statusCode(200)
                .extract().jsonPath().getString("evidence.sentence");
        String page = given().baseUri(console.baseUrl()).get("/initiatives/" + firstId).then().statusCode(200).extract().asString();
        assertThat(page).contains("<mark>" + escapeHtml(evidence) + "</mark>");
        String created = given().baseUri(console.baseUrl())
                .formParam("name", "console subscriber").formParam("countries", "JP").formParam("events", "initiative.cataloged")
                .formParam("channel", "webhook").formParam("url", receiver.url("/console").toString()).formParam("digest", "none")
                .formParam("action", "create")
                .post("/subscriptions/new").then().log().ifValidationFails().statusCode(201).header("Cache-Control", "no-store")
                .extract().asString();
        Matcher ids = Pattern.compile("id=\"subscription-id\">([^<]+)<").matcher(created);
        Matcher tokens = Pattern.compile("id=\"subscription-token\">([^<]+)<").matcher(created);
        assertThat(ids.find() && tokens.find()).isTrue();
        assertThat(created).contains("id=\"webhook-secret\">whsec_");
        given().baseUri(alert.baseUrl()).header("Authorization", "Bearer " + tokens.group(1)).get("/api/subscriptions/" + ids.group(1))
                .then().statusCode(200).body("name", equalTo("console subscriber"))
                .body("channel.url", equalTo(receiver.url("/console").toString()));
        String paused = given().baseUri(console.baseUrl()).formParam("id", ids.group(1)).formParam("token", tokens.group(1))
                .formParam("action", "pause").post("/subscriptions/manage").then().statusCode(200).extract().asString();
        assertThat(paused).contains("<dd>paused</dd>", "value=\"resume\"");
        given().baseUri(alert.baseUrl()).header("Authorization", "Bearer " + tokens.group(1)).get("/api/subscriptions/" + ids.group(1))
                .then().statusCode(200).body("status", equalTo("paused"));

        // An SSE subscription's live view: its page hands the browser a cookie for the console's relay of the stream.
        String sse = given().baseUri(console.baseUrl()).formParam("countries", "JP").formParam("channel", "sse")
                .formParam("action", "create").post("/subscriptions/new").then().statusCode(201).extract().asString();
        Matcher sseId = Pattern.compile("id=\"subscription-id\">([^<]+)<").matcher(sse);
        Matcher sseToken = Pattern.compile("id=\"subscription-token\">([^<]+)<").matcher(sse);
        assertThat(sseId.find() && sseToken.find()).isTrue();
        Response opened = given().baseUri(console.baseUrl()).formParam("id", sseId.group(1))
                .formParam("token", sseToken.group(1)).formParam("action", "view").post("/subscriptions/manage");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.asString()).contains("id=\"live\"", "/subscriptions/stream/" + sseId.group(1));
        String cookie = opened.getDetailedCookie("accord-stream-" + sseId.group(1)).getValue();
        HttpClient http = HttpClient.newHttpClient();
        URI stream = URI.create(console.baseUrl() + "/subscriptions/stream/" + sseId.group(1));
        assertThat(http.send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        HttpResponse<Stream<String>> live = http.send(HttpRequest.newBuilder(stream)
                .header("Cookie", "accord-stream-" + sseId.group(1) + "=" + cookie).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (Stream<String> lines = live.body()) {
            // alert-service's first line is its comment saying the stream is open.
            assertThat(lines.findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith(":").contains("connected"));
        }
        // And on the way: the records ingest published and those the catalog relayed are in the same trace.
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.INITIATIVES, Topics.CATALOG)) {
            List<TopicReader.Read> records = reader.awaitRecords(r -> initiativeIds.contains(r.key()),
                    initiativeIds.size() * 2, FLOW);
            assertThat(records).extracting(TopicReader.Read::topic).contains(Topics.INITIATIVES, Topics.CATALOG);
            assertThat(records).allSatisfy(r -> assertThat(PrometheusText.traceIdOf(r.header("traceparent")))
                    .as("traceparent on %s", r.topic()).isEqualTo(traceId));
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

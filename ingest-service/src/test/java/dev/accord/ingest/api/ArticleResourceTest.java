package dev.accord.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventAssertions;
import dev.accord.testsupport.Fixtures;
import dev.accord.testsupport.TestKafka;
import dev.accord.testsupport.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ArticleResourceTest {

    private static final String KEY = "Bearer test-ingest-key";

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void seedArticleIsPublishedAsCloudEventsBeforeTheAnswer() {
        String url = "https://thehill.com/test/" + UUID.randomUUID();
        ExtractableResponse<Response> response = given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8")
                .queryParam("url", url).body(Fixtures.seedArticle())
                .when().post("/api/articles")
                .then().statusCode(202)
                .body("articleId", notNullValue()).body("duplicate", equalTo(false))
                .extract();
        String articleId = response.path("articleId");
        List<String> initiativeIds = response.path("initiatives.id");
        assertThat(initiativeIds).hasSizeGreaterThanOrEqualTo(5);

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES, Topics.INITIATIVES)) {
            TopicReader.Read article = reader.awaitRecords(r -> r.key().equals(articleId), 1, Duration.ofSeconds(20)).get(0);
            JsonNode data = CloudEventAssertions.assertCloudEvent(article, EventTypes.ARTICLE_INGESTED);
            assertThat(data.get("url").asText()).isEqualTo(url);
            assertThat(data.get("source").asText()).isEqualTo("The Hill");
            assertThat(data.get("text").asText()).doesNotContain("Press \"Enter\" to skip", "Leave a Reply",
                    "Be First to Comment", "Your email address will not be published")
                    .contains("military-industrial council");
            assertThat(data.get("countries")).extracting(JsonNode::asText).contains("US", "JP", "AU");

            List<TopicReader.Read> initiatives = reader.awaitRecords(
                    r -> r.topic().equals(Topics.INITIATIVES) && initiativeIds.contains(r.key()),
                    initiativeIds.size(), Duration.ofSeconds(20));
            String text = data.get("text").asText();
            for (TopicReader.Read record : initiatives) {
                JsonNode initiative = CloudEventAssertions.assertCloudEvent(record, EventTypes.INITIATIVE_EXTRACTED);
                JsonNode evidence = initiative.get("evidence");
                assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
                        .isEqualTo(evidence.get("sentence").asText());
                assertThat(initiative.get("articleId").asText()).isEqualTo(articleId);
            }
        }
    }

    @Test
    void copiesOfAnArticleAreAcknowledgedAsDuplicatesOfTheOriginal() {
        String token = UUID.randomUUID().toString();
        String text = uniqueArticle(token);
        String edited = text.replaceFirst("council", "committee");
        String url = "https://example.org/news/" + UUID.randomUUID();
        ExtractableResponse<Response> original = submit(url, text);
        assertThat(original.<Boolean>path("duplicate")).isFalse();
        String originalId = original.path("articleId");

        // Same page behind tracking parameters and a fragment; same text elsewhere; the text with a word changed.
        for (ExtractableResponse<Response> copy : List.of(
                submit(url.replace("https://example.org", "https://EXAMPLE.org") + "?utm_source=x&fbclid=y#top", text),
                submit("https://mirror.example.net/" + UUID.randomUUID(), text),
                submit("https://other.example.net/" + UUID.randomUUID(), edited))) {
            assertThat(copy.<Boolean>path("duplicate")).isTrue();
            assertThat(copy.<String>path("articleId")).isEqualTo(originalId);
            assertThat(copy.<List<?>>path("initiatives")).isEmpty();
        }
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.ARTICLES)) {
            // Only the original is on Kafka: a later article on the same partition-independent reader marks the end.
            String marker = submit("https://example.org/marker/" + UUID.randomUUID(), uniqueArticle(UUID.randomUUID().toString()))
                    .path("articleId");
            reader.awaitRecords(r -> r.key().equals(marker), 1, Duration.ofSeconds(20));
            assertThat(reader.drain()).filteredOn(r -> r.value().contains(token)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0} sentences")
    @ValueSource(ints = {2, 5, 12, 30})
    void shortNearDuplicatesAreRecognisedAtEverySize(int sentences) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            body.append("Delegates from ").append(UUID.randomUUID()).append(" said the ").append(UUID.randomUUID())
                    .append(" fund would open next spring. ");
        }
        String text = body.toString().strip();
        String headline = "Fund " + UUID.randomUUID() + " opens";
        String original = submit("https://example.org/short/" + UUID.randomUUID(), text).path("articleId");

        // One word changed, at a new URL.
        ExtractableResponse<Response> edited = submit("https://other.example.net/" + UUID.randomUUID(),
                text.replaceFirst("spring", "summer"));
        assertThat(edited.<Boolean>path("duplicate")).isTrue();
        assertThat(edited.<String>path("articleId")).isEqualTo(original);
        // The same text with its headline line, pasted without url or title.
        ExtractableResponse<Response> pasted = given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8")
                .body(headline + "\n\n" + text).post("/api/articles").then().statusCode(202).extract();
        assertThat(pasted.<Boolean>path("duplicate")).isTrue();
        assertThat(pasted.<String>path("articleId")).isEqualTo(original);
        // A different story of the same shape is no duplicate.
        String other = text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", UUID.randomUUID().toString());
        assertThat(submit("https://example.org/short/" + UUID.randomUUID(), other).<Boolean>path("duplicate")).isFalse();
    }

    private static ExtractableResponse<Response> submit(String url, String text) {
        return given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8").queryParam("url", url)
                .body(text).post("/api/articles").then().statusCode(202).extract();
    }

    /** An article no other test sends: its words are random, so not even its simhash is near another's. */
    private static String uniqueArticle(String token) {
        StringBuilder text = new StringBuilder("Report " + token + "\n\n");
        for (int sentence = 0; sentence < 12; sentence++) {
            text.append("The ministers of ").append(UUID.randomUUID()).append(" agreed to launch a council on ")
                    .append(UUID.randomUUID().toString().replace('-', ' ')).append(". ");
        }
        return text.toString();
    }

    @Test
    void jsonSubmissionWithHtmlIsCleaned() {
        String html = "<html lang='en'><head><title>Moon deal</title></head><body><nav>Skip to content</nav>"
                + "<article><p>NASA and JAXA are launching a joint lunar exploration program this year.</p></article>"
                + "<footer>Subscribe now</footer></body></html>";
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"https://example.org/moon/" + UUID.randomUUID() + "\",\"html\":" + quote(html) + "}")
                .when().post("/api/articles")
                .then().statusCode(202).body("initiatives", hasSize(1));
    }

    @Test
    void writesWithoutTheKeyAreRefused() {
        given().contentType("text/plain; charset=UTF-8").body("Some text.").when().post("/api/articles")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").contentType("text/plain; charset=UTF-8").body("Some text.")
                .when().post("/api/articles").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void emptyBinaryAndWronglyTypedBodiesGetProblems() {
        given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8").body("")
                .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("application/json").body("")
                .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("application/json").body("{\"text\": ")
                .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("application/json").body("[1,2]")
                .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("application/json").body("{}")
                .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("application/octet-stream").body(new byte[] {0, 1, 2, (byte) 0xff})
                .when().post("/api/articles").then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8").body(new byte[] {0, 1, 2, (byte) 0xff, 'a'})
                .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8").body("Press \"Enter\" to skip to content\nLeave a Reply")
                .when().post("/api/articles").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aWronglyTypedFieldIsABadRequestAndTooLittleTextIsNoArticle() {
        for (String body : List.of("{\"text\":5}", "{\"text\":true}", "{\"text\":1.5}",
                "{\"title\":7,\"text\":\"" + uniqueArticle("typed") + "\"}")) {
            given().header("Authorization", KEY).contentType("application/json").body(body)
                    .when().post("/api/articles").then().statusCode(400).contentType("application/problem+json");
        }
        for (String text : List.of("hi", "Breaking news", "Officials met on Tuesday.")) {
            given().header("Authorization", KEY).contentType("application/json").body("{\"text\":" + quote(text) + "}")
                    .when().post("/api/articles").then().statusCode(422).contentType("application/problem+json")
                    .body("minWords", equalTo(6));
            given().header("Authorization", KEY).contentType("text/plain; charset=UTF-8").body(text)
                    .when().post("/api/articles").then().statusCode(422).contentType("application/problem+json");
        }
    }

    @Test
    void batchGivesOneResultPerLineInOrder() throws Exception {
        String good = dev.accord.common.events.EventJson.mapper().writeValueAsString(java.util.Map.of(
                "url", "https://example.org/batch/" + UUID.randomUUID(), "text", uniqueArticle(UUID.randomUUID().toString())));
        String body = good + "\n{not json\n\n{\"title\":\"no content\"}\n";
        String out = given().urlEncodingEnabled(false).header("Authorization", KEY).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/articles:batch")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(io.restassured.path.json.JsonPath.from(lines.get(0)).getInt("status")).isEqualTo(202);
        assertThat(io.restassured.path.json.JsonPath.from(lines.get(0)).getString("result.articleId")).isNotBlank();
        assertThat(io.restassured.path.json.JsonPath.from(lines.get(1)).getInt("line")).isEqualTo(2);
        assertThat(io.restassured.path.json.JsonPath.from(lines.get(1)).getInt("problem.status")).isEqualTo(400);
        assertThat(io.restassured.path.json.JsonPath.from(lines.get(2)).getInt("line")).isEqualTo(4);
        assertThat(io.restassured.path.json.JsonPath.from(lines.get(2)).getInt("status")).isEqualTo(400);
        given().urlEncodingEnabled(false).contentType("application/x-ndjson").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/articles:batch").then().statusCode(401);
    }

    @Test
    void oversizedAndTextlessArticlesAreRefused() throws Exception {
        // The server refuses a body over 5 MB from its Content-Length, before reading it.
        try (Socket socket = new Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + KEY
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + (6 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
        given().header("Authorization", KEY).contentType("text/html; charset=UTF-8")
                .body("<html><body><nav>Home</nav><script>var x = 1;</script></body></html>")
                .when().post("/api/articles").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1:9/nothing-listens-here\"}")
                .when().post("/api/articles").then().statusCode(422).contentType("application/problem+json")
                .body("parameter", equalTo("url"));
    }

    @Test
    void urlsInsideThePrivateNetworkAreNotFetched() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"http://169.254.169.254/latest/meta-data/\"}")
                .when().post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("url"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

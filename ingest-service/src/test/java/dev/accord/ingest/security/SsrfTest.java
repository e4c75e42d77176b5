package dev.accord.ingest.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.accord.ingest.feed.FixtureHttpServer;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF with production's rule: only the fixture publisher's exact host (127.0.0.1) is allowed, as an
 * operator would allow one named internal host; every other inward target is refused when an
 * article URL or a feed is submitted, and when a fetch is redirected to one.
 */
@QuarkusTest
@TestProfile(SsrfTest.OnlyTheFixtureHost.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_drill"))
class SsrfTest {

    public static class OnlyTheFixtureHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.ingest.fetch.allowed-hosts", "127.0.0.1");
        }
    }

    private static final String KEY = "Bearer test-ingest-key";
    private static final List<String> INWARD = List.of("http://localhost:%d/", "http://[::1]:%d/", "http://169.254.169.254/latest/",
            "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.0.1/", "http://100.64.0.1/", "http://[fc00::1]/",
            "http://[fe80::1]/", "http://[::ffff:127.0.0.1]:%d/", "http://2130706433:%d/", "http://0177.0.0.1:%d/",
            "http://0x7f.1:%d/", "http://127.0.0.2:%d/", "http://app.localhost:%d/");

    private static FixtureHttpServer publisher;

    @BeforeAll
    static void start() {
        publisher = FixtureHttpServer.start();
    }

    @AfterAll
    static void stop() {
        publisher.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void inwardArticleAndFeedUrlsAreRefusedOnSubmission(int which) {
        String url = INWARD.get(which).formatted(publisher.url("/").getPort());
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("url", url + "page"))
                .post("/api/articles").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("url"));
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("url", url + "feed.xml"))
                .post("/api/feeds").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("url"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 9, 10, 13, 14})
    void aRedirectInwardIsNotFollowedWhenFetchingAnArticle(int which) {
        String target = INWARD.get(which).formatted(publisher.url("/").getPort()) + "secret";
        String path = "/moved-" + which;
        publisher.status(path, 302, Map.of("Location", target));

        given().header("Authorization", KEY).contentType("application/json").body(Map.of("url", publisher.url(path).toString()))
                .post("/api/articles").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("URL not allowed"));
        // The guard stopped it before any connection: the fixture saw no request for the target path.
        org.assertj.core.api.Assertions.assertThat(publisher.requests("/secret")).isEmpty();
    }

    @Test
    void aFeedRedirectedInwardFailsItsPollWithoutFetchingTheTarget() {
        publisher.status("/feed-moved.xml", 301, Map.of("Location", "http://localhost:" + publisher.url("/").getPort() + "/internal.xml"));
        String id = given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("url", publisher.url("/feed-moved.xml").toString())).post("/api/feeds").then().statusCode(201)
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", KEY).get("/api/feeds/" + id).then().statusCode(200)
                .body("errorCount", greaterThanOrEqualTo(1)).body("lastError", containsString("not allowed")));
        org.assertj.core.api.Assertions.assertThat(publisher.requests("/internal.xml")).isEmpty();
    }
}

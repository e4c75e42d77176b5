package dev.accord.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.TestDatabase;
import dev.accord.testsupport.TestKafka;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reliability drill: the Kafka broker restarts while articles keep arriving over HTTP. Every answer
 * is a 202 or a clean, retryable 503 problem; the client retries the 503s; afterwards the catalog
 * holds exactly the articles that were answered 202 — none lost, none extra.
 */
class BrokerRestartIT {

    private static final String API_KEY = "drill-key";
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofMinutes(3);
    /** Articles accepted before the restart, and again after it: {@code accord.drill.articles} (CI default 20). */
    private static final int ACCEPTED_EACH_SIDE = Integer.getInteger("accord.drill.articles", 20);
    /** The drill's client waits this long before retrying a 503 (shorter than Retry-After, to keep the drill short). */
    private static final Duration CLIENT_BACK_OFF = Duration.ofMillis(500);

    private static KafkaBrokerProcess broker;
    private static TestDatabase.Database db;
    private static ServiceProcess ingest;
    private static ServiceProcess catalog;

    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final List<Response> refusals = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startStack() {
        broker = KafkaBrokerProcess.startFresh();
        TestKafka.createTopics(broker.bootstrapServers(), AccordTestResource.TOPICS);
        db = TestDatabase.database("broker-restart");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "ACCORD_DB_URL", db.jdbcUrl(),
                "ACCORD_DB_USER", db.user(),
                "ACCORD_DB_PASSWORD", db.password(),
                "ACCORD_INGEST_API_KEY", API_KEY);
        catalog = ServiceProcess.startReady("catalog-service", port -> env, READY);
        ingest = ServiceProcess.startReady("ingest-service", port -> env, READY);
    }

    @AfterAll
    static void stopStack() {
        for (AutoCloseable part : new AutoCloseable[] {ingest, catalog, broker}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // Keep closing the others.
            }
        }
    }

    @Test
    void everyAcceptedArticleIsStoredOnceAcrossABrokerRestart() throws Exception {
        AtomicBoolean posting = new AtomicBoolean(true);
        Thread client = new Thread(() -> postUntilStopped(posting), "drill-client");
        client.start();
        try {
            await("articles accepted").atMost(SETTLE).until(() -> accepted.size() >= ACCEPTED_EACH_SIDE);
            broker.stop();
            await("ingest notices the broker is gone").atMost(SETTLE)
                    .until(() -> given().baseUri(ingest.baseUrl()).get("/q/health/ready").statusCode() == 503);
            int acceptedAtRestart = accepted.size();
            broker.start();
            await("articles accepted after the restart").atMost(SETTLE)
                    .until(() -> accepted.size() >= acceptedAtRestart + ACCEPTED_EACH_SIDE);
        } finally {
            posting.set(false);
            client.join(TimeUnit.MINUTES.toMillis(2));
        }

        assertThat(statuses).containsOnly(202, 503);
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isNotBlank();
        });
        await("catalog stores every accepted article").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> Rows.count(db, "SELECT count(*) FROM catalog.article") >= accepted.size());
        assertThat(Rows.count(db, "SELECT count(*) FROM catalog.article")).isEqualTo(accepted.size());
        assertThat(Rows.ids(db, "SELECT id FROM catalog.article")).isEqualTo(Set.copyOf(accepted));
        System.out.printf("Broker restart drill: %d articles accepted, %d refusals (503) retried, %d stored%n",
                accepted.size(), refusals.size(), Rows.count(db, "SELECT count(*) FROM catalog.article"));
    }

    /** One steady client: each article is retried after a 503 until it is accepted. */
    private void postUntilStopped(AtomicBoolean posting) {
        Random random = new Random(7);
        while (posting.get()) {
            String title = MadeUpWords.words(random, 4);
            String text = String.join("\n\n", random.ints(4, 0, Integer.MAX_VALUE)
                    .mapToObj(n -> MadeUpWords.words(random, 60) + ".").collect(Collectors.toList()));
            String url = "https://drill.accord.test/" + UUID.randomUUID();
            while (posting.get()) {
                Response response = given().baseUri(ingest.baseUrl()).header("Authorization", "Bearer " + API_KEY)
                        .contentType("text/plain; charset=UTF-8").queryParam("url", url).queryParam("title", title)
                        .body(text).post("/api/articles");
                statuses.add(response.statusCode());
                if (response.statusCode() == 202) {
                    accepted.add(UUID.fromString(response.path("articleId")));
                    break;
                }
                if (response.statusCode() != 503) {
                    return;
                }
                refusals.add(response);
                LockSupport.parkNanos(CLIENT_BACK_OFF.toNanos());
            }
        }
    }
}

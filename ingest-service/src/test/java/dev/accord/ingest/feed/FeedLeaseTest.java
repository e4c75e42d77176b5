package dev.accord.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.ingest.domain.Feed;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two pollers (as two replicas would be) never take the same feed. The scheduler is off here, and
 * the test has a database of its own, so that every claim and every poll is one the test made.
 */
@QuarkusTest
@TestProfile(FeedLeaseTest.PollerOff.class)
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_leases"))
class FeedLeaseTest {

    /** No scheduled polls; a feed polled once is not due again during the test. */
    public static class PollerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.ingest.feeds.poll-every", "off", "accord.ingest.feeds.min-interval", "1h");
        }
    }

    private static final String KEY = "Bearer test-ingest-key";
    private static final byte[] EMPTY_FEED = "<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);
    private static FixtureHttpServer server;

    @Inject
    FeedLeases leases;

    @Inject
    FeedPoller poller;

    @BeforeAll
    static void startServer() {
        server = FixtureHttpServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void noFeeds() {
        QuarkusTransaction.requiringNew().run(() -> Feed.deleteAll());
    }

    @Test
    void concurrentClaimsTakeDisjointFeedsAndAnExpiredLeaseFreesThem() throws Exception {
        Set<UUID> feeds = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            feeds.add(UUID.fromString(register("/claims/" + i + ".rss")));
        }
        Instant now = Instant.now();
        Duration lease = Duration.ofMinutes(1);
        // Each asks for 12 of the 20: together they ask for more than there is, so any feed given to both would show.
        List<List<FeedLeases.Claimed>> claims = concurrently(2, replica -> leases.claim("replica-" + replica, now, 12, lease));

        Set<UUID> first = ids(claims.get(0));
        Set<UUID> second = ids(claims.get(1));
        assertThat(Collections.disjoint(first, second)).as("%s and %s are disjoint", first, second).isTrue();
        assertThat(List.of(first.size(), second.size())).containsExactlyInAnyOrder(12, 8);
        Set<UUID> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).isEqualTo(feeds);
        // Taken feeds stay taken for the lease, though still due...
        assertThat(leases.claim("replica-3", now.plusSeconds(59), 20, lease)).isEmpty();
        // ...and a lease that ran out (its replica died mid-poll) frees the feed for another.
        assertThat(ids(leases.claim("replica-3", now.plus(lease).plusSeconds(1), 20, lease))).isEqualTo(feeds);
    }

    @Test
    void twoPollersRunningAtOnceFetchEachDueFeedOnce() throws Exception {
        // Each answer takes a while, so both pollers are busy at the same time.
        server.delayAnswers(Duration.ofMillis(100));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String path = "/polls/" + UUID.randomUUID() + ".rss";
            server.document(path, EMPTY_FEED, "application/rss+xml");
            register(path);
            paths.add(path);
        }
        // Each pollDue polls up to batch-size (10) feeds, so neither poller can take all twelve alone.
        concurrently(2, replica -> {
            poller.pollDue();
            return null;
        });
        for (String path : paths) {
            assertThat(server.requests(path)).as("requests for %s", path).hasSize(1);
        }
        server.delayAnswers(Duration.ZERO);
        assertThat(given().header("Authorization", KEY).queryParam("limit", 200).get("/api/feeds").then().statusCode(200).extract().<List<Integer>>path("items.lastHttpStatus"))
                .hasSize(12).containsOnly(200);
    }

    private static String register(String path) {
        return given().header("Authorization", KEY).contentType("application/json")
                .body("{\"url\":\"" + server.url(path) + "\"}").post("/api/feeds").then().statusCode(201).extract().path("id");
    }

    /** Runs {@code task} on {@code n} threads released at the same moment; its results in thread order. */
    private static <T> List<T> concurrently(int n, TaskOf<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int replica = i;
                futures.add(threads.submit((Callable<T>) () -> {
                    start.await();
                    return task.run(replica);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Set<UUID> ids(List<FeedLeases.Claimed> claimed) {
        Set<UUID> ids = new HashSet<>();
        claimed.forEach(c -> ids.add(c.id()));
        return ids;
    }

    @FunctionalInterface
    private interface TaskOf<T> {
        T run(int replica) throws Exception;
    }
}

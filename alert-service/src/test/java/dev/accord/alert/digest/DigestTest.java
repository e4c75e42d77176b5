package dev.accord.alert.digest;

import static dev.accord.alert.Catalog.bearer;
import static dev.accord.alert.Catalog.initiative;
import static dev.accord.alert.Catalog.publish;
import static dev.accord.alert.Catalog.subscribe;
import static dev.accord.alert.Catalog.uniqueKeyword;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class DigestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DigestStore store;

    @Inject
    DigestWindows windows;

    private WebhookReceiver receiver;
    private CloudEventProducer producer;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        receiver.close();
        producer.close();
    }

    @Test
    void webhookDigestCarriesEachNotificationOnceInOneMessagePerWindow() throws Exception {
        String keyword = uniqueKeyword();
        JsonPath subscription = subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/digest") + "\"}", "hourly");
        List<CatalogInitiative> initiatives = IntStream.range(0, 3).mapToObj(i -> initiative(keyword, "Digest item " + i)).toList();
        String redelivered = publish(producer, initiatives.get(0));
        publish(producer, initiatives.get(0), redelivered);
        publish(producer, initiatives.get(1));
        publish(producer, initiatives.get(2));

        Set<String> expected = new HashSet<>(initiatives.stream().map(i -> i.id().toString()).toList());
        await().atMost(WAIT).until(() -> new HashSet<>(initiativeIds(receiver.received())).equals(expected));
        // Nothing comes again in the windows that follow.
        int calls = receiver.received().size();
        await().during(windows.length(DigestPeriod.HOURLY).multipliedBy(2)).atMost(WAIT)
                .until(() -> receiver.received().size() == calls);

        List<WebhookReceiver.Received> digests = receiver.received();
        assertThat(initiativeIds(digests)).hasSize(3).doesNotHaveDuplicates();
        assertThat(digests).hasSizeLessThan(3);
        Set<String> windowStarts = new HashSet<>();
        for (WebhookReceiver.Received digest : digests) {
            digest.verify(subscription.getString("secret"));
            JsonNode body = EventJson.mapper().readTree(digest.body());
            assertThat(body.get("type").asText()).isEqualTo(Digest.TYPE);
            assertThat(body.get("digest").asText()).isEqualTo("hourly");
            assertThat(body.get("subscriptionId").asText()).isEqualTo(subscription.getString("id"));
            Instant windowStart = Instant.parse(body.get("windowStart").asText());
            assertThat(Duration.between(windowStart, Instant.parse(body.get("windowEnd").asText())))
                    .isEqualTo(windows.length(DigestPeriod.HOURLY));
            assertThat(windowStarts.add(windowStart.toString())).isTrue();
        }
        given().header("Authorization", bearer(subscription)).get("/api/subscriptions/" + subscription.getString("id")
                + "/deliveries").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(digests.size()))
                .body("eventType", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(Digest.TYPE)));
    }

    @Test
    void aScheduledDigestCoversTheDayBetweenTwoDeliveryTimesInItsZone() throws Exception {
        JsonPath subscription = given().contentType("application/json")
                .body("{\"filter\":{\"keywords\":[\"" + uniqueKeyword() + "\"]},\"channel\":{\"type\":\"webhook\",\"url\":\""
                        + receiver.url("/scheduled") + "\"},\"digest\":\"daily\","
                        + "\"digestSchedule\":{\"at\":\"08:00\",\"timeZone\":\"Asia/Kathmandu\"}}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(subscription.getString("id"));
        // The last 08:00 in Kathmandu (UTC+05:45 all year), read off the calendar here.
        ZonedDateTime local = Instant.now().atZone(ZoneId.of("Asia/Kathmandu"));
        ZonedDateTime delivery = local.with(LocalTime.of(8, 0));
        if (delivery.isAfter(local)) {
            delivery = delivery.minusDays(1);
        }
        Instant windowEnd = delivery.toInstant();
        QuarkusTransaction.requiringNew().run(() -> {
            store.hold(id, "in-window", "accord.initiative.cataloged", "{\"n\":0}", windowEnd.minusSeconds(60));
            store.hold(id, "next-window", "accord.initiative.cataloged", "{\"n\":1}", windowEnd.plusMillis(1));
        });

        store.cutClosedWindows(Instant.now(), 50);
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        JsonNode body = EventJson.mapper().readTree(receiver.received().get(0).body());
        assertThat(body.get("digest").asText()).isEqualTo("daily");
        assertThat(Instant.parse(body.get("windowEnd").asText())).isEqualTo(windowEnd);
        assertThat(Instant.parse(body.get("windowStart").asText())).isEqualTo(windowEnd.minus(Duration.ofDays(1)));
        assertThat(numbers(receiver.received().get(0))).containsExactly(0);
        // What came after 08:00 waits for tomorrow's delivery.
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> receiver.received().size() == 1);
    }

    @Test
    void concurrentCuttersSendAWindowOnceAndALateNotificationInTheNext() throws Exception {
        String keyword = uniqueKeyword();
        JsonPath subscription = subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/cut") + "\"}", "daily");
        UUID id = UUID.fromString(subscription.getString("id"));
        Duration length = windows.length(DigestPeriod.DAILY);
        Instant previousWindow = windows.startOf(DigestPeriod.DAILY, Instant.now()).minus(length);
        int held = 20;
        QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, held).forEach(i ->
                store.hold(id, "event-" + i, "accord.initiative.cataloged", "{\"n\":" + i + "}", previousWindow.plusMillis(i))));

        // Four cutters race (besides the scheduled one); the window's key lets only one digest through.
        CyclicBarrier start = new CyclicBarrier(4);
        List<CompletableFuture<Integer>> cutters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cutters.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return store.cutClosedWindows(Instant.now(), 50);
            }));
        }
        cutters.forEach(CompletableFuture::join);
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        assertThat(numbers(receiver.received().get(0))).containsExactlyElementsOf(IntStream.range(0, held).boxed().toList());

        // A notification whose transaction commits after its window was cut goes out with the next window.
        QuarkusTransaction.requiringNew().run(() -> store.hold(id, "late", "accord.initiative.cataloged", "{\"n\":" + held + "}",
                previousWindow.plusMillis(held)));
        store.cutClosedWindows(Instant.now(), 50);
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(numbers(receiver.received().get(1))).containsExactly(held);
        JsonNode first = EventJson.mapper().readTree(receiver.received().get(0).body());
        JsonNode second = EventJson.mapper().readTree(receiver.received().get(1).body());
        assertThat(Instant.parse(second.get("windowStart").asText())).isAfter(Instant.parse(first.get("windowStart").asText()));
    }

    private static List<Integer> numbers(WebhookReceiver.Received digest) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        EventJson.mapper().readTree(digest.body()).get("notifications").forEach(n -> numbers.add(n.get("n").asInt()));
        return numbers;
    }

    private static List<String> initiativeIds(List<WebhookReceiver.Received> digests) {
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received digest : digests) {
            try {
                EventJson.mapper().readTree(digest.body()).get("notifications")
                        .forEach(n -> ids.add(n.get("initiative").get("id").asText()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }
}

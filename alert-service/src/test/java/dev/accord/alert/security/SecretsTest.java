package dev.accord.alert.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.alert.Catalog;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay secret: a subscription's token and webhook secret are shown once, in the creation
 * answer, and never again, neither in any API answer nor in any log line written while the
 * subscription is created, read, changed, delivered to, retried, refused and deleted. The token is
 * stored only as a hash.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class SecretsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tokenAndWebhookSecretAppearOnlyInTheCreationAnswer() throws Exception {
        LogCapture logs = LogCapture.install();
        List<String> answers = new ArrayList<>();
        String keyword = Catalog.uniqueKeyword();
        try (WebhookReceiver receiver = WebhookReceiver.start();
                CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            JsonPath created = Catalog.subscribe(keyword, "{\"type\":\"webhook\",\"url\":\"" + receiver.url("/secret-test") + "\"}", null);
            String id = created.getString("id");
            String token = created.getString("token");
            String secret = created.getString("secret");
            assertThat(token).hasSizeGreaterThan(20);
            assertThat(secret).startsWith("whsec_");
            String bearer = "Bearer " + token;

            answers.add(given().header("Authorization", bearer).get("/api/subscriptions/" + id).then().statusCode(200).extract().asString());
            answers.add(given().header("Authorization", bearer).contentType("application/json")
                    .body("{\"name\":\"renamed\",\"channel\":{\"url\":\"" + receiver.url("/secret-test-2") + "\"}}")
                    .patch("/api/subscriptions/" + id).then().statusCode(200).extract().asString());
            // A failing first delivery, so errors and retries are logged too, then a successful one.
            receiver.respondWith(500);
            CatalogInitiative initiative = Catalog.initiative(keyword, "Secrets drill");
            Catalog.publish(producer, initiative);
            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            receiver.respondWith(200);
            await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
            receiver.received().get(receiver.received().size() - 1).verify(secret);
            answers.add(given().header("Authorization", bearer).get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200)
                    .extract().asString());
            // Refusals that echo what they were sent must not echo a token either.
            answers.add(given().header("Authorization", bearer + "x").get("/api/subscriptions/" + id).then().statusCode(404)
                    .extract().asString());
            answers.add(given().contentType("application/json").body("{\"filter\":{\"keywords\":[\"" + token + "\"]},"
                    + "\"channel\":{\"type\":\"webhook\",\"url\":\"http://169.254.169.254/" + secret + "\"}}")
                    .post("/api/subscriptions").then().statusCode(400).extract().asString());
            given().header("Authorization", bearer).delete("/api/subscriptions/" + id).then().statusCode(204);

            assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(token).doesNotContain(secret)
                    .doesNotContain(secret.substring("whsec_".length())));
            assertThat(logs.lines()).as("log lines").isNotEmpty()
                    .noneMatch(line -> line.contains(token) || line.contains(secret.substring("whsec_".length())));
            assertThat(storedTokenHashes(id)).doesNotContain(token).allMatch(h -> h.matches("[0-9a-f]{64}"));
        } finally {
            logs.close();
        }
    }

    private List<String> storedTokenHashes(String id) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT token_hash FROM alert.subscription WHERE id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes.add(r.getString(1));
                }
            }
        }
        return hashes;
    }

    /** Every log record of the JVM (Quarkus routes its logging through java.util.logging's root), formatted with its cause. */
    static final class LogCapture extends Handler implements AutoCloseable {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        static LogCapture install() {
            LogCapture capture = new LogCapture();
            capture.setLevel(java.util.logging.Level.ALL);
            Logger.getLogger("").addHandler(capture);
            return capture;
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}

package dev.accord.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.accord.catalog.CatalogTestEvents;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The catalog's database becomes unreachable for real: it stops accepting connections and its
 * existing ones are terminated. Readiness goes DOWN, consumption waits, and once the database is
 * back the record that arrived meanwhile is stored.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void consumptionPausesWhileTheDatabaseIsDownAndResumesWithoutLoss() throws Exception {
        UUID articleId = UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
            try {
                refuseConnections(true);

                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
                producer.send(Topics.ARTICLES, articleId.toString(), CatalogTestEvents.eventId(),
                        EventTypes.ARTICLE_INGESTED, CatalogTestEvents.article(articleId, List.of()));
                // The consumer has the record and waits for the database rather than skipping it.
                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.findAll { it.name == 'catalog-consumption' }.status", hasItem("DOWN")));
            } finally {
                refuseConnections(false);
            }
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/articles/" + articleId).then().statusCode(200)
                    .body("id", equalTo(articleId.toString())));
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        }
    }

    /** Closes the database to every new connection and ends the open ones, or opens it again. */
    private static void refuseConnections(boolean refuse) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*$", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin,
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
            }
        }
    }
}

package dev.accord.systemtest;

import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.TestDatabase;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged services and the console, each in its own process on one broker and one database, with a
 * webhook receiver the tests subscribe; {@code alertExtras} adds alert-service settings (a mail server).
 */
final class AccordSystem implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(90);
    static final String API_KEY = "system-test-key";

    final WebhookReceiver receiver;
    final ServiceProcess catalog;
    final ServiceProcess ingest;
    final ServiceProcess alert;
    final ServiceProcess console;

    private AccordSystem(WebhookReceiver receiver, ServiceProcess catalog, ServiceProcess ingest, ServiceProcess alert,
            ServiceProcess console) {
        this.receiver = receiver;
        this.catalog = catalog;
        this.ingest = ingest;
        this.alert = alert;
        this.console = console;
    }

    static AccordSystem start(String database, Map<String, String> alertExtras) {
        WebhookReceiver receiver = WebhookReceiver.start();
        TestKafka.createTopics(AccordTestResource.TOPICS);
        TestDatabase.Database db = TestDatabase.database(database);
        Map<String, String> common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "ACCORD_DB_URL", db.jdbcUrl(),
                "ACCORD_DB_USER", db.user(),
                "ACCORD_DB_PASSWORD", db.password(),
                "ACCORD_INGEST_API_KEY", API_KEY,
                "ACCORD_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        ServiceProcess catalog = ServiceProcess.startReady("catalog-service",
                port -> with(common, Map.of("ACCORD_CATALOG_PUBLIC_URL", "http://127.0.0.1:" + port)), READY);
        ServiceProcess ingest = ServiceProcess.startReady("ingest-service", port -> common, READY);
        Map<String, String> alertEnv = new HashMap<>(alertExtras);
        alertEnv.put("ACCORD_CATALOG_URL", catalog.baseUrl());
        ServiceProcess alert = ServiceProcess.startReady("alert-service", port -> with(common, alertEnv), READY);
        ServiceProcess console = ServiceProcess.startReady("console",
                port -> Map.of("ACCORD_CATALOG_URL", catalog.baseUrl(), "ACCORD_ALERT_URL", alert.baseUrl()), READY);
        return new AccordSystem(receiver, catalog, ingest, alert, console);
    }

    private static Map<String, String> with(Map<String, String> env, Map<String, String> more) {
        Map<String, String> copy = new HashMap<>(env);
        copy.putAll(more);
        return copy;
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {console, ingest, catalog, alert, receiver}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // Keep closing the others.
            }
        }
    }
}

package dev.accord.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and, with the {@code database} argument, its own
 * real PostgreSQL database. Use it as
 * {@code @WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))}.
 * The broker and the server are shared by every test class of the JVM. Arguments named
 * {@code config:<key>} set that configuration key for the test classes that use them.
 */
public class AccordTestResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> TOPICS = List.of("accord.articles", "accord.initiatives", "accord.catalog",
            "accord.articles.dlq", "accord.initiatives.dlq", "accord.catalog.dlq");

    private static final String CONFIG_PREFIX = "config:";

    private String database;
    private final Map<String, String> extraConfig = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        initArgs.forEach((name, value) -> {
            if (name.startsWith(CONFIG_PREFIX)) {
                extraConfig.put(name.substring(CONFIG_PREFIX.length()), value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String bootstrap = TestKafka.bootstrapServers();
        TestKafka.createTopics(TOPICS);
        config.put("kafka.bootstrap.servers", bootstrap);
        if (database != null) {
            TestDatabase.Database db = TestDatabase.database(database);
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("quarkus.datasource.username", db.user());
            config.put("quarkus.datasource.password", db.password());
        }
        config.putAll(extraConfig);
        return config;
    }

    @Override
    public void stop() {
        // The broker and the databases live as long as the JVM, so later test classes reuse them.
    }

}

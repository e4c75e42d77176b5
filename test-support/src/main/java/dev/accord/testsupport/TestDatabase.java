package dev.accord.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM, and a fresh database per name in it, dropped when the
 * JVM ends. The server is {@code ACCORD_TEST_DB_URL} (+ {@code _USER}/{@code _PASSWORD}) when set,
 * else a Testcontainers PostgreSQL where Docker runs, else the one on 127.0.0.1:5432, else an
 * embedded PostgreSQL.
 */
public final class TestDatabase {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class);
    private static Server server;
    private static final Map<String, Database> DATABASES = new HashMap<>();

    /** Where the server is: a JDBC URL prefix without database, and credentials. */
    record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A database created for this JVM. */
    public record Database(String name, String jdbcUrl, String user, String password) {
    }

    private TestDatabase() {
    }

    /** The database for {@code purpose} (e.g. "catalog"), created on first use. */
    public static synchronized Database database(String purpose) {
        return DATABASES.computeIfAbsent(purpose, p -> create(server(), p));
    }

    private static Database create(Server server, String purpose) {
        String name = "accord_test_" + purpose.replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute(server, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                LOG.debugf("Could not drop %s: %s", name, e.getMessage());
            }
        }));
        return new Database(name, server.url(name), server.user(), server.password());
    }

    private static void execute(Server server, String sql) {
        try (Connection c = DriverManager.getConnection(server.url("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private static Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("ACCORD_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
            LOG.infof("Tests use the PostgreSQL server at %s", url);
            return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    envOr("ACCORD_TEST_DB_USER", "postgres"), envOr("ACCORD_TEST_DB_PASSWORD", ""));
        }
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword());
        }
        if (reachable("127.0.0.1", 5432)) {
            LOG.info("Tests use the PostgreSQL server at 127.0.0.1:5432");
            return new Server("127.0.0.1", 5432, "postgres", "");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    LOG.debug("Embedded PostgreSQL did not stop cleanly", e);
                }
            }));
            LOG.infof("Tests use an embedded PostgreSQL on port %d", embedded.getPort());
            return new Server("127.0.0.1", embedded.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL available for tests", e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

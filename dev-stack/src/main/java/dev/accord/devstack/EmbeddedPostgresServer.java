package dev.accord.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server for {@code ./accord up} on machines without one: zonky's embedded
 * binaries, on a fixed port and a persistent data directory, so catalog and alert data survive
 * {@code down}/{@code up}. It runs until the JVM is asked to stop (SIGTERM, Ctrl-C) and then stops
 * PostgreSQL with a fast shutdown.
 *
 * <p>Usage: {@code EmbeddedPostgresServer [port] [data-dir]} (defaults: 5433, {@code .accord/postgres};
 * or {@code ACCORD_DEV_PG_PORT}, {@code ACCORD_DEV_PG_DATA}).
 */
public final class EmbeddedPostgresServer {

    /** The one database the three services share; each keeps to its own schema in it. */
    static final String DATABASE = "accord";
    /** The embedded server trusts every local connection; services still send this password. */
    static final String USER = "postgres";

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(Args.valueAt(args, 0, "ACCORD_DEV_PG_PORT", "5433"));
        Path dataDir = Path.of(Args.valueAt(args, 1, "ACCORD_DEV_PG_DATA", ".accord/postgres")).toAbsolutePath();
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                // Keep the data: initdb runs only when the directory has no cluster yet.
                .setCleanDataDirectory(false)
                // The first start unpacks the binaries and runs initdb; 10 s (the default) is tight on 2 cores.
                .setPGStartupWait(Duration.ofSeconds(90))
                .start();
        // zonky registers its own closer too; close() is idempotent, this one says what happens.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, dataDir), "embedded-postgres-stop"));

        createDatabaseIfMissing(postgres);
        System.out.printf("EmbeddedPostgresServer ready: jdbc:postgresql://localhost:%d/%s (user %s), data in %s%n",
                port, DATABASE, USER, dataDir);
        System.out.flush();
        // Nothing else to do: PostgreSQL runs in its own processes until the shutdown hook stops it.
        Thread.currentThread().join();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                // CREATE DATABASE cannot take a bind parameter; the name is a constant.
                create.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
            System.out.println("EmbeddedPostgresServer created database " + DATABASE);
        }
    }

    private static void stop(EmbeddedPostgres postgres, Path dataDir) {
        System.out.println("EmbeddedPostgresServer stopping PostgreSQL");
        try {
            // Returns at once when zonky's own hook is already stopping it, hence the wait below.
            postgres.close();
        } catch (IOException e) {
            System.err.println("EmbeddedPostgresServer could not stop PostgreSQL cleanly: " + e);
        }
        // PostgreSQL removes postmaster.pid as the last step of its shutdown.
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.out.println(Files.exists(pidFile) ? "EmbeddedPostgresServer: PostgreSQL is still shutting down"
                : "EmbeddedPostgresServer stopped");
        System.out.flush();
    }
}

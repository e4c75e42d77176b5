package dev.accord.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Takes the service's database away for real, as a restart does for its clients: the database stops
 * accepting connections and every open one is terminated. Closing the outage lets connections in again.
 * Only the service's own database is affected, so other tests sharing the server carry on.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String adminUrl;
    private final String database;
    private final String user;
    private final String password;

    private DatabaseOutage(String jdbcUrl, String user, String password) {
        String withoutParameters = jdbcUrl.replaceFirst("\\?.*$", "");
        int slash = withoutParameters.lastIndexOf('/');
        this.database = withoutParameters.substring(slash + 1);
        this.adminUrl = withoutParameters.substring(0, slash + 1) + "postgres";
        this.user = user;
        this.password = password;
    }

    /** Starts an outage of the database the running service is configured with. */
    public static DatabaseOutage begin() {
        Config config = ConfigProvider.getConfig();
        DatabaseOutage outage = new DatabaseOutage(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        outage.allowConnections(false);
        return outage;
    }

    /** Ends the outage: new connections are accepted again. */
    @Override
    public void close() {
        allowConnections(true);
    }

    private void allowConnections(boolean allow) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + (allow ? "end" : "start") + " the outage of " + database, e);
        }
    }
}

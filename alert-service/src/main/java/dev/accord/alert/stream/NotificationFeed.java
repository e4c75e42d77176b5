package dev.accord.alert.stream;

import dev.accord.alert.channel.NotificationStore;
import dev.accord.alert.channel.StoredNotification;
import dev.accord.alert.config.StreamConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Feeds this replica's streams from the database, whichever replica stored the notification: one
 * connection {@code LISTEN}s on {@link NotificationStore#CHANNEL}; each wake-up (or, should a
 * {@code NOTIFY} be missed, each poll interval) reads the rows after a watermark and dispatches them.
 * The notification only says "look"; the rows themselves are the source of truth, so nothing depends
 * on notifications arriving.
 */
@ApplicationScoped
public class NotificationFeed {

    private static final Logger LOG = Logger.getLogger(NotificationFeed.class);
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final StreamHub hub;
    private final StreamConfig config;
    private volatile boolean running;
    private Thread thread;
    private long watermark = -1;

    public NotificationFeed(AgroalDataSource dataSource, StreamHub hub, StreamConfig config) {
        this.dataSource = dataSource;
        this.hub = hub;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "notification-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + NotificationStore.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (watermark < 0) {
                    watermark = NotificationStore.newestId(connection);
                }
                while (running) {
                    // Returns at the first NOTIFY, or after the poll interval without one.
                    pg.getNotifications((int) config.pollInterval().toMillis());
                    readNew(connection);
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Notification feed lost its connection (%s); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void readNew(Connection connection) throws SQLException {
        List<StoredNotification> batch;
        do {
            batch = NotificationStore.streamedAfter(connection, watermark, BATCH);
            if (!batch.isEmpty()) {
                watermark = batch.get(batch.size() - 1).id();
                if (!hub.isEmpty()) {
                    hub.dispatch(batch);
                }
            }
        } while (batch.size() == BATCH);
    }

    private void pause() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

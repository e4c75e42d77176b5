package dev.accord.catalog.messaging;

import dev.accord.catalog.config.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs a batch's database write until the database takes it. While the database cannot be reached
 * the consumer thread waits with exponential back-off, so the connector stops fetching once its
 * buffer is full and no offset moves: consumption pauses and later resumes where it stopped. A
 * failure while the database answers is the data's fault and is handed back to the caller.
 */
@ApplicationScoped
public class StoreRetry {

    private static final Logger LOG = Logger.getLogger(StoreRetry.class);
    /** serialization_failure and deadlock_detected: the same write succeeds when tried again. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final CatalogConfig config;
    private final AtomicReference<Instant> waitingSince = new AtomicReference<>();
    private volatile boolean stopping;

    public StoreRetry(DataSource dataSource, CatalogConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Since when consumption waits for the database; null while it does not. */
    public Instant waitingSince() {
        return waitingSince.get();
    }

    public void run(Runnable write) {
        Duration delay = config.consumer().retryInitialDelay();
        int conflicts = 0;
        while (true) {
            try {
                write.run();
                if (waitingSince.getAndSet(null) != null) {
                    LOG.info("The database answers again; consumption resumes");
                }
                return;
            } catch (RuntimeException e) {
                if (isConflict(e) && conflicts++ < config.consumer().conflictRetries()) {
                    LOG.debugf("Retrying a batch after a transaction conflict: %s", e.getMessage());
                    continue;
                }
                if (databaseAnswers()) {
                    waitingSince.set(null);
                    throw e;
                }
                if (waitingSince.compareAndSet(null, Instant.now())) {
                    LOG.warnf("The database cannot be reached (%s); consumption pauses until it can", e.getMessage());
                }
                if (stopping) {
                    throw new ConsumptionStopped(e);
                }
                pause(delay);
                delay = min(delay.multipliedBy(2), config.consumer().retryMaxDelay());
            }
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumptionStopped(e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The service stops while a batch waits for the database: the batch is left uncommitted for the next owner. */
    public static final class ConsumptionStopped extends RuntimeException {
        ConsumptionStopped(Throwable cause) {
            super("Stopped while waiting for the database", cause);
        }
    }
}

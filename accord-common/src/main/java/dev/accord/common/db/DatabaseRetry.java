package dev.accord.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's database write until the database takes it. While the database cannot be reached
 * the consumer thread waits with exponential back-off, so the connector stops fetching once its
 * buffer is full and no offset moves: consumption pauses and later resumes where it stopped. A
 * failure while the database answers is the data's fault and is handed back to the caller.
 */
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);
    /** serialization_failure and deadlock_detected: the same write succeeds when tried again. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int conflictRetries;
    private final AtomicReference<Instant> waitingSince = new AtomicReference<>();
    private volatile boolean stopping;

    /**
     * @param initialDelay first wait while the database does not answer; doubles up to {@code maxDelay}
     * @param conflictRetries how often a write is retried after a deadlock or serialization failure
     */
    public DatabaseRetry(DataSource dataSource, Duration initialDelay, Duration maxDelay, int conflictRetries) {
        this.dataSource = dataSource;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.conflictRetries = conflictRetries;
    }

    /** The service is stopping: a write that waits for the database gives up instead of holding shutdown. */
    public void stop() {
        stopping = true;
    }

    /** Since when consumption waits for the database; null while it does not. */
    public Instant waitingSince() {
        return waitingSince.get();
    }

    public void run(Runnable write) {
        Duration delay = initialDelay;
        int conflicts = 0;
        while (true) {
            try {
                write.run();
                if (waitingSince.getAndSet(null) != null) {
                    LOG.info("The database answers again; consumption resumes");
                }
                return;
            } catch (RuntimeException e) {
                if (isConflict(e) && conflicts++ < conflictRetries) {
                    LOG.debugf("Retrying a batch after a transaction conflict: %s", e.getMessage());
                    continue;
                }
                // A connection failure is retried even if the database answers by now: it may have come back
                // between the failed write and this check.
                if (!TemporaryFailures.isTemporary(e) && databaseAnswers()) {
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
                delay = min(delay.multipliedBy(2), maxDelay);
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
        public ConsumptionStopped(Throwable cause) {
            super("Stopped while waiting for the database", cause);
        }
    }
}

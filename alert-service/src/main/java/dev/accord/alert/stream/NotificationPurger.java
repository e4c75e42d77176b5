package dev.accord.alert.stream;

import dev.accord.alert.channel.NotificationStore;
import dev.accord.alert.config.StreamConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Drops stored notifications once they are older than the resume window. */
@ApplicationScoped
public class NotificationPurger {

    private static final Logger LOG = Logger.getLogger(NotificationPurger.class);

    private final NotificationStore log;
    private final StreamConfig config;

    public NotificationPurger(NotificationStore log, StreamConfig config) {
        this.log = log;
        this.config = config;
    }

    @Scheduled(every = "${accord.alert.stream.purge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        int purged = log.purgeBefore(Instant.now().minus(config.retention()));
        if (purged > 0) {
            LOG.debugf("Purged %d notifications older than %s", purged, config.retention());
        }
    }
}

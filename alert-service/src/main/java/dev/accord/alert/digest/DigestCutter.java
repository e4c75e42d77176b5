package dev.accord.alert.digest;

import dev.accord.alert.config.DigestConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Periodically turns every closed digest window into one delivery; replicas share the work. */
@ApplicationScoped
public class DigestCutter {

    private final DigestStore store;
    private final DigestConfig config;

    public DigestCutter(DigestStore store, DigestConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${accord.alert.digest.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void cutClosedWindows() {
        int cut;
        do {
            cut = store.cutClosedWindows(Instant.now(), config.batchSize());
        } while (cut == config.batchSize());
    }
}

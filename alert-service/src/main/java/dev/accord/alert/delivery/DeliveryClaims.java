package dev.accord.alert.delivery;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The deliveries this replica has claimed and not yet settled. On shutdown it stops new attempts,
 * lets the ones under way finish (up to {@code drain}), and hands every claim it still holds back to
 * the pool, so other replicas send them at once instead of after the claim timeout.
 */
@ApplicationScoped
public class DeliveryClaims {

    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class);
    /** How long shutdown waits for attempts under way; a webhook call is bounded by its own timeout. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final DeliveryStore store;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempting = new AtomicInteger();
    private volatile boolean stopping;

    public DeliveryClaims(DeliveryStore store) {
        this.store = store;
    }

    /** Deliveries this replica just claimed. */
    public void held(Collection<UUID> claimed) {
        held.addAll(claimed);
    }

    /** False once shutdown began: the claim is left to {@link #releaseAll}. */
    public boolean begin(UUID id) {
        attempting.incrementAndGet();
        if (stopping) {
            attempting.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The attempt is over and its delivery settled (or left claimed after an unexpected error). */
    public void end(UUID id) {
        held.remove(id);
        attempting.decrementAndGet();
    }

    public boolean stopping() {
        return stopping;
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        Instant deadline = Instant.now().plus(DRAIN);
        while (attempting.get() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (!held.isEmpty()) {
            int released = releaseAll();
            LOG.infof("Released %d claimed deliveries for other replicas", released);
        }
    }

    int releaseAll() {
        int released = store.release(List.copyOf(held));
        held.clear();
        return released;
    }
}

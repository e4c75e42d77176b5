package dev.accord.alert.delivery;

import dev.accord.alert.channel.DeliveriesQueued;
import dev.accord.alert.config.AlertConfig;
import dev.accord.common.concurrent.WakeableLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Feeds due deliveries to a pool of {@code workers} threads. It claims only as many rows as there are
 * idle workers and never more than {@code per-endpoint-concurrency} attempts per endpoint: endpoints
 * at their cap are left out of the claim, and rows claimed beyond an endpoint's free slots are handed
 * back at once, so a slow endpoint keeps at most its cap of workers and the others' rows still flow.
 * The loop wakes every {@code poll-interval}, when an attempt finishes, and when this replica has
 * queued new deliveries.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final AlertConfig.Delivery config;
    private final EndpointSlots slots;
    private final DeliveryClaims claims;
    private final AtomicInteger busyWorkers = new AtomicInteger();
    /** Idle workers needed before a wake-up by a finished attempt claims again (a poll always claims). */
    private final int refillAt;
    private final WakeableLoop loop;
    private ExecutorService workers;
    /** When the next pass takes over timed-out claims (System.nanoTime). */
    private long nextReclaim;

    public DeliveryDispatcher(DeliveryStore store, DeliveryWorker worker, DeliveryClaims claims, AlertConfig config) {
        this.store = store;
        this.worker = worker;
        this.claims = claims;
        this.config = config.delivery();
        this.slots = new EndpointSlots(this.config.perEndpointConcurrency());
        this.refillAt = Math.max(1, this.config.workers() / 4);
        this.loop = new WakeableLoop("delivery-dispatcher", this.config.pollInterval(), this::pass);
    }

    void start(@Observes StartupEvent startup) {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "delivery-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop(Duration.ofSeconds(5));
        workers.shutdown();
        // Attempts cut short here stay in_flight and are taken over after claim-timeout.
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        loop.wake();
    }

    private void pass(boolean woken) {
        if (System.nanoTime() - nextReclaim >= 0) {
            int reclaimed = store.reclaimExpired();
            if (reclaimed > 0) {
                LOG.infof("Took over %d deliveries whose claim had timed out", reclaimed);
            }
            nextReclaim = System.nanoTime() + config.pollInterval().toNanos();
        }
        // Woken by one finished attempt: wait for a few more idle workers, so claims come in batches.
        if (!woken || busyWorkers.get() <= config.workers() - refillAt) {
            dispatchDue();
        }
    }

    private void dispatchDue() {
        // Once shutdown begins nothing new is claimed; DeliveryClaims hands back what is held.
        while (loop.running() && !claims.stopping()) {
            int idle = config.workers() - busyWorkers.get();
            if (idle <= 0) {
                return;
            }
            int wanted = Math.min(config.batchSize(), idle);
            List<DeliveryStore.Claimed> claimed = store.claimDue(wanted, config.claimTimeout(), slots.full());
            List<UUID> surplus = new ArrayList<>();
            for (DeliveryStore.Claimed delivery : claimed) {
                if (slots.tryAcquire(delivery.endpoint())) {
                    claims.held(List.of(delivery.id()));
                    busyWorkers.incrementAndGet();
                    workers.execute(() -> attempt(delivery));
                } else {
                    surplus.add(delivery.id());
                }
            }
            store.release(surplus);
            if (claimed.size() < wanted) {
                return;
            }
        }
    }

    private void attempt(DeliveryStore.Claimed delivery) {
        boolean begun = false;
        try {
            begun = claims.begin(delivery.id());
            if (begun) {
                worker.attempt(delivery);
            }
        } catch (RuntimeException e) {
            // The row stays in_flight and is retried once its claim times out.
            LOG.errorf(e, "Delivery %s could not be settled", delivery.id());
        } finally {
            if (begun) {
                claims.end(delivery.id());
            }
            slots.release(delivery.endpoint());
            busyWorkers.decrementAndGet();
            loop.wake();
        }
    }
}

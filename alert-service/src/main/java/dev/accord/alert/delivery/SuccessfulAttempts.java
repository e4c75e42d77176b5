package dev.accord.alert.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Settles successful attempts in batches: one statement and one commit for all the successes that
 * finished while the previous batch was being written, instead of a transaction per delivery. No
 * thread of its own: the worker that finds no batch being written writes one, taking along whatever
 * other workers queued meanwhile; the others return at once. A worker always leaves the queue empty or
 * in the hands of a writer, so nothing waits for a later attempt to be written. A batch lost to a
 * crash leaves its rows {@code in_flight}; they are sent again after the claim timeout, under the same
 * {@code webhook-id}.
 */
@ApplicationScoped
public class SuccessfulAttempts {

    /** Rows per statement, to keep the arrays and the transaction small. */
    static final int MAX_BATCH = 200;

    private final DeliveryStore store;
    private final ConcurrentLinkedQueue<DeliveryStore.Success> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public SuccessfulAttempts(DeliveryStore store) {
        this.store = store;
    }

    /** Queues a success and, unless another worker is writing, writes the queue. */
    public void settle(DeliveryStore.Success success) {
        queue.add(success);
        // Re-checked after unlocking: a success queued while the writer was finishing is written by one of the two.
        while (!queue.isEmpty() && writing.tryLock()) {
            try {
                List<DeliveryStore.Success> batch = new ArrayList<>();
                DeliveryStore.Success next;
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                store.deliveredAll(batch);
            } finally {
                writing.unlock();
            }
        }
    }
}

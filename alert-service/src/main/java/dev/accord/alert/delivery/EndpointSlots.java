package dev.accord.alert.delivery;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Attempts in progress per endpoint on this replica, each endpoint allowed at most {@code cap} at once. */
final class EndpointSlots {

    private final int cap;
    private final ConcurrentHashMap<String, Integer> inUse = new ConcurrentHashMap<>();

    EndpointSlots(int cap) {
        this.cap = cap;
    }

    boolean tryAcquire(String endpoint) {
        boolean[] acquired = {false};
        inUse.compute(endpoint, (k, n) -> {
            int used = n == null ? 0 : n;
            if (used >= cap) {
                return n;
            }
            acquired[0] = true;
            return used + 1;
        });
        return acquired[0];
    }

    void release(String endpoint) {
        inUse.computeIfPresent(endpoint, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The endpoints with no free slot, which the next claim leaves alone. */
    List<String> full() {
        return inUse.entrySet().stream().filter(e -> e.getValue() >= cap).map(java.util.Map.Entry::getKey).toList();
    }
}

package dev.accord.alert.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a client IP, a subscriber token): each holds up to {@code capacity} tokens,
 * refilled continuously at {@code perMinute}; a request takes one. In memory, per replica. When more
 * than {@code maxKeys} keys are tracked, buckets that have refilled completely are dropped, since a
 * fresh bucket would be identical.
 */
public final class TokenBuckets {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final class Bucket {
        private double tokens = capacity;
        private long updatedAt = nanoClock.getAsLong();

        /** 0 if a token was taken, otherwise the nanoseconds until one will be there. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
    }

    public TokenBuckets(int capacity, double perMinute, int maxKeys, LongSupplier nanoClock) {
        if (capacity < 1 || perMinute <= 0) {
            throw new IllegalArgumentException("A bucket needs a capacity of at least 1 and a positive rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for {@code key}: 0 when allowed, otherwise how many nanoseconds to wait. */
    public long take(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket()).take(now);
    }

    int tracked() {
        return buckets.size();
    }
}

package dev.accord.alert.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsTheBurstThenOneRequestPerRefillPeriod() {
        TokenBuckets buckets = new TokenBuckets(3, 6, 100, now::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        long wait = buckets.take("a");
        assertThat(wait).isEqualTo(TimeUnit.SECONDS.toNanos(10));
        assertThat(buckets.take("b")).as("keys have their own buckets").isZero();

        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(buckets.take("a")).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void dropsRefilledBucketsWhenTrackingTooManyKeys() {
        TokenBuckets buckets = new TokenBuckets(1, 60, 2, now::get);
        buckets.take("a");
        buckets.take("b");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        buckets.take("c");
        assertThat(buckets.tracked()).isEqualTo(1);
        assertThat(buckets.take("c")).as("c's own bucket is kept").isPositive();
    }
}

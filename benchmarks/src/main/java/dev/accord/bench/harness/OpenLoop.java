package dev.accord.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests start at a constant arrival rate whether or not earlier ones have
 * answered, and each latency is measured from the moment its request was due, not from when it was
 * actually sent. A system that stalls therefore shows the stall in every request that waited behind
 * it (no coordinated omission).
 */
final class OpenLoop {

    /** What one run of the loop observed. */
    record Result(int sent, int succeeded, int failed, int timedOut, Histogram latencyMicros, long startNanos,
            long lastCompletionNanos) {

        double seconds() {
            return Math.max(1, lastCompletionNanos - startNanos) / 1e9;
        }

        double succeededPerSecond() {
            return succeeded / seconds();
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Starts request {@code n}, which was due at {@code dueNanos} (System.nanoTime); completes with true on success. */
    @FunctionalInterface
    interface Request {
        CompletableFuture<Boolean> start(long n, long dueNanos);
    }

    private OpenLoop() {
    }

    /**
     * Starts {@code request.start(i, due)} for i = 0, 1, … at {@code perSecond} for {@code duration}; a
     * request's future completes with true when it succeeded. Requests still open after {@code drain}
     * count as timed out, with the time waited so far as their latency.
     */
    static Result run(double perSecond, Duration duration, Duration drain, Request request) {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastCompletion = new AtomicLong();
        long interval = Math.round(1e9 / perSecond);
        long total = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        List<CompletableFuture<Boolean>> open = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        long start = System.nanoTime();
        lastCompletion.set(start);
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<Boolean> future;
            try {
                future = request.start(i, intended);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<Boolean> recorded = future.handle((ok, error) -> {
                long now = System.nanoTime();
                latency.recordValue(Math.max(0, (now - intended) / 1000));
                (error == null && Boolean.TRUE.equals(ok) ? succeeded : failed).incrementAndGet();
                lastCompletion.accumulateAndGet(now, Math::max);
                return true;
            });
            open.add(recorded);
            due.add(intended);
        }
        int timedOut = 0;
        long deadline = System.nanoTime() + drain.toNanos();
        for (int i = 0; i < open.size(); i++) {
            try {
                open.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                timedOut++;
                latency.recordValue((System.nanoTime() - due.get(i)) / 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                // recorded by handle()
            }
        }
        return new Result((int) total, succeeded.get(), failed.get(), timedOut, latency.copy(), start, lastCompletion.get());
    }
}

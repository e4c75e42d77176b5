package dev.accord.bench.harness;

import dev.accord.testsupport.load.SeedCopies;
import java.time.Duration;

/**
 * HTTP ingest → events on Kafka, with distinct seed copies. First {@code --clients} clients post
 * back to back (a closed loop: as many requests in flight as clients, so ingest runs at capacity
 * without a queue that outlives the step): what it accepts per second is its throughput, the
 * figure set against ProducerPerformance. Then an open-model steady load at
 * {@code --steady-fraction} of that accepted rate, whose latencies are the p50/p99. A 202 means
 * ingest's transaction with the article and its initiatives is committed on Kafka (acks=all), so
 * accepted events per second are events on the broker per second. Answers other than 2xx (e.g. 503
 * when ingest sheds load) are counted apart and never as accepted. Both follow an unrecorded warm-up
 * of {@code --warmup} seconds at the throughput load.
 */
final class IngestLoad {

    private IngestLoad() {
    }

    static void run(Options options) {
        Measurements out = Measurements.from(options);
        int clients = options.integer("clients", 16);
        Duration duration = options.seconds("seconds");
        Duration drain = options.seconds("drain");
        ArticlePoster poster = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                SeedCopies.ofSeed(System.nanoTime())::copy);
        Duration warmup = options.seconds("warmup");
        if (!warmup.isZero()) {
            // A fresh JVM runs its first seconds interpreted, and its pools are cold: that is time to ready, not throughput.
            ArticlePoster warm = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                    SeedCopies.ofSeed(System.nanoTime())::copy);
            Closed warmed = closed(warm, clients, warmup);
            System.out.printf("  ingest, warm-up: %d clients for %d s, %d accepted (%.1f articles/s), not recorded%n", clients,
                    warmup.toSeconds(), warmed.accepted, warmed.accepted / warmed.seconds);
        }
        System.out.printf("  ingest, throughput: %d clients posting back to back for %d s%n", clients, duration.toSeconds());
        Closed result = closed(poster, clients, duration);
        String note = String.format("%d clients back to back: %d sent, %d accepted, %d duplicate, non-2xx %s, %d failed otherwise",
                clients, result.sent, result.accepted, poster.duplicates.get(), poster.non2xxText(),
                Math.max(0, result.sent - result.accepted - poster.duplicates.get() - poster.non2xxTotal()));
        out.record("ingest.non_2xx", poster.non2xxTotal(), note);
        if (result.accepted == 0) {
            out.unavailable("ingest.events_per_s", "nothing accepted: " + poster.lastRefusal());
            out.unavailable("ingest.p99_ms", "nothing accepted: " + poster.lastRefusal());
            return;
        }
        double articlesPerSecond = result.accepted / result.seconds;
        out.record("ingest.events_per_s", poster.events.get() / result.seconds, note);
        out.record("ingest.articles_per_s", articlesPerSecond, null);

        double steady = Math.max(1, Math.floor(articlesPerSecond * Double.parseDouble(options.string("steady-fraction", "0.5"))));
        ArticlePoster steadyPoster = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                SeedCopies.ofSeed(System.nanoTime())::copy);
        System.out.printf("  ingest, steady: %.0f articles/s for %d s%n", steady, duration.toSeconds());
        OpenLoop.Result steadyResult = OpenLoop.run(steady, duration, drain,
                (n, due) -> steadyPoster.post(n).thenApply(accepted -> accepted != null));
        String steadyNote = String.format("%.0f articles/s steady: %d sent, %d accepted, non-2xx %s, %d timed out", steady,
                steadyResult.sent(), steadyResult.succeeded(), steadyPoster.non2xxText(), steadyResult.timedOut());
        out.record("ingest.steady_articles_per_s", steady, steadyNote);
        out.record("ingest.p50_ms", steadyResult.percentileMillis(50), null);
        out.record("ingest.p99_ms", steadyResult.percentileMillis(99), steadyNote);
        out.record("ingest.steady_non_2xx", steadyPoster.non2xxTotal(), null);
    }

    private record Closed(int sent, int accepted, double seconds) {
    }

    private static Closed closed(ArticlePoster poster, int clients, Duration duration) {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    sent.incrementAndGet();
                    try {
                        if (poster.post(next.getAndIncrement()).get() != null) {
                            accepted.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as sent but not accepted
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(duration.toSeconds() + Http.REQUEST_TIMEOUT.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Closed(sent.get(), accepted.get(), (System.nanoTime() - start) / 1e9);
    }
}

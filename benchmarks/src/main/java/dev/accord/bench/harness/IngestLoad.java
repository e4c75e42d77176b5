package dev.accord.bench.harness;

import java.time.Duration;

/**
 * HTTP ingest → events on Kafka: an open-model load of distinct seed copies at a constant rate.
 * A 202 means ingest's transaction with the article and its initiatives is committed on Kafka
 * (acks=all), so accepted events per second are events on the broker per second.
 */
final class IngestLoad {

    private IngestLoad() {
    }

    static void run(Options options) {
        Measurements out = Measurements.from(options);
        double rate = options.decimal("rate");
        Duration duration = options.seconds("seconds");
        ArticlePoster poster = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                ArticleVariants.ofSeed(System.nanoTime()));
        System.out.printf("  ingest: %.0f articles/s for %d s%n", rate, duration.toSeconds());
        OpenLoop.Result result = OpenLoop.run(rate, duration, options.seconds("drain"),
                (n, due) -> poster.post(n).thenApply(accepted -> accepted != null));
        String note = String.format("%d sent, %d accepted, %d duplicate, %d refused/failed, %d timed out, %.0f/s offered",
                result.sent(), result.succeeded(), poster.duplicates.get(), result.failed() - poster.duplicates.get(),
                result.timedOut(), rate);
        if (result.succeeded() == 0) {
            out.unavailable("ingest.events_per_s", "nothing accepted: " + poster.lastRefusal());
            return;
        }
        out.record("ingest.events_per_s", poster.events.get() / result.seconds(), note);
        out.record("ingest.articles_per_s", result.succeededPerSecond(), note);
        out.record("ingest.p50_ms", result.percentileMillis(50), null);
        out.record("ingest.p99_ms", result.percentileMillis(99), null);
    }
}

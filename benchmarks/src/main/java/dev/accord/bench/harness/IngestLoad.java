package dev.accord.bench.harness;

import java.time.Duration;

/**
 * HTTP ingest → events on Kafka, as two open-model loads of distinct seed copies. First a load
 * offered above what ingest can take ({@code --rate}): what it accepts per second is its
 * throughput, the figure set against ProducerPerformance. Then a steady load at
 * {@code --steady-fraction} of that accepted rate, whose latencies are the p50/p99. A 202 means
 * ingest's transaction with the article and its initiatives is committed on Kafka (acks=all), so
 * accepted events per second are events on the broker per second. Answers other than 2xx (e.g. 503
 * when ingest sheds load) are counted apart and never as accepted.
 */
final class IngestLoad {

    private IngestLoad() {
    }

    static void run(Options options) {
        Measurements out = Measurements.from(options);
        double rate = options.decimal("rate");
        Duration duration = options.seconds("seconds");
        Duration drain = options.seconds("drain");
        ArticlePoster poster = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                ArticleVariants.ofSeed(System.nanoTime()));
        System.out.printf("  ingest, throughput: %.0f articles/s offered for %d s%n", rate, duration.toSeconds());
        OpenLoop.Result result = OpenLoop.run(rate, duration, drain, (n, due) -> poster.post(n).thenApply(accepted -> accepted != null));
        String note = String.format("%.0f/s offered: %d sent, %d accepted, %d duplicate, non-2xx %s, %d failed otherwise, %d timed out",
                rate, result.sent(), result.succeeded(), poster.duplicates.get(), poster.non2xxText(),
                Math.max(0, result.failed() - poster.duplicates.get() - poster.non2xxTotal()), result.timedOut());
        out.record("ingest.non_2xx", poster.non2xxTotal(), note);
        if (result.succeeded() == 0) {
            out.unavailable("ingest.events_per_s", "nothing accepted: " + poster.lastRefusal());
            out.unavailable("ingest.p99_ms", "nothing accepted: " + poster.lastRefusal());
            return;
        }
        double articlesPerSecond = result.succeededPerSecond();
        out.record("ingest.events_per_s", poster.events.get() / result.seconds(), note);
        out.record("ingest.articles_per_s", articlesPerSecond, null);

        double steady = Math.max(1, Math.floor(articlesPerSecond * Double.parseDouble(options.string("steady-fraction", "0.5"))));
        ArticlePoster steadyPoster = new ArticlePoster(Http.client(), options.string("ingest"), options.string("api-key"),
                ArticleVariants.ofSeed(System.nanoTime()));
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
}

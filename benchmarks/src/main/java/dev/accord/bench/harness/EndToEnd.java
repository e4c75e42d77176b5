package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.load.SeedCopies;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * End to end: seed copies are posted at a constant rate to ingest while a webhook subscription for
 * topic defense (new initiatives and new mentions: every copy's initiatives merge into the entries
 * the first copy created, so later copies notify as mentions) points at a local receiver; each verified webhook is matched to the request of the
 * article its initiative came from, and its latency runs from the moment that request was due to
 * the moment the webhook arrived. Before the subscription is made, the catalog's outbox and
 * alert-service's consumer must have caught up, so that earlier loads neither match nor queue ahead.
 * Afterwards the step waits until ingest has stopped publishing, so that requests it still holds from
 * a load beyond its capacity are not left to the next step.
 */
final class EndToEnd {

    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);

    private EndToEnd() {
    }

    static void run(Options options) throws Exception {
        try {
            measure(options);
        } finally {
            // Above its capacity ingest keeps working off requests whose clients gave up (timed out);
            // the next step must not share the cores with that queue.
            try (Backlog backlog = new Backlog(options)) {
                backlog.awaitIngestQuiet();
            }
        }
    }

    private static void measure(Options options) throws Exception {
        Measurements out = Measurements.from(options);
        double rate = options.decimal("rate");
        Duration duration = options.seconds("seconds");
        Duration wait = options.seconds("drain");
        String prefix = "e2e." + Math.round(rate);
        try (Backlog backlog = new Backlog(options)) {
            // Earlier loads must neither match this subscription nor queue ahead of its deliveries.
            backlog.await("end to end, earlier loads", backlog::alerts, SETTLE_TIMEOUT, null);
        }
        HttpClient client = Http.client();
        try (BenchSubscriber subscriber = new BenchSubscriber()) {
            JsonNode subscription = Subscriptions.webhook(client, options.string("alert"), "bench", "{\"topics\":[\"defense\"],\"countries\":[],\"orgs\":[],\"keywords\":[]}", subscriber.url());
            subscriber.secret(subscription.path("secret").asText());
            try {
                ArticlePoster poster = new ArticlePoster(client, options.string("ingest"), options.string("api-key"),
                        SeedCopies.ofSeed(System.nanoTime())::copy);
                Map<String, Long> dueById = new ConcurrentHashMap<>();
                System.out.printf("  end to end: %.0f articles/s for %d s, webhooks to %s%n", rate, duration.toSeconds(), subscriber.url());
                OpenLoop.Result load = OpenLoop.run(rate, duration, wait, (n, due) -> poster.post(n).thenApply(accepted -> {
                    if (accepted == null) {
                        return false;
                    }
                    dueById.put(accepted.articleId(), due);
                    accepted.initiativeIds().forEach(id -> dueById.put(id, due));
                    return true;
                }));
                // Done when the pipeline has drained (catalog consumed, outbox relayed, alert consumed)
                // and no webhook came for a while, or at the deadline.
                long deadline = System.nanoTime() + wait.toNanos();
                subscriber.restartQuiet();
                try (Backlog backlog = new Backlog(options)) {
                    while (System.nanoTime() < deadline) {
                        boolean quiet = subscriber.quietFor(QUIET);
                        if (quiet && backlog.pipeline() == 0) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                }
                Histogram latency = new Histogram(Duration.ofMinutes(10).toMillis() * 1000, 3);
                int unmatched = 0;
                for (BenchSubscriber.Receipt receipt : subscriber.receipts()) {
                    // A mention's webhook also lists the entry's earlier articles: the latest request it names caused it.
                    Long due = receipt.ids().stream().map(dueById::get).filter(java.util.Objects::nonNull)
                            .max(Long::compare).orElse(null);
                    if (due == null) {
                        unmatched++;
                    } else {
                        latency.recordValue(Math.max(0, (receipt.atNanos() - due) / 1000));
                    }
                }
                String note = String.format("%d articles accepted of %d (%d duplicate, non-2xx %s, %d timed out), "
                        + "%d webhooks verified (%d unmatched, %d rejected)", load.succeeded(), load.sent(),
                        poster.duplicates.get(), poster.non2xxText(), load.timedOut(), latency.getTotalCount(), unmatched,
                        subscriber.rejected());
                if (latency.getTotalCount() == 0) {
                    out.unavailable(prefix + ".p99_ms", "no webhook matched to a request answered in time: " + note);
                    return;
                }
                out.record(prefix + ".p50_ms", latency.getValueAtPercentile(50) / 1000.0, note);
                out.record(prefix + ".p99_ms", latency.getValueAtPercentile(99) / 1000.0, null);
            } finally {
                Subscriptions.delete(client, options.string("alert"), subscription);
            }
        }
    }
}

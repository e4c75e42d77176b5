package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What a user of the whole system feels: articles posted at rising open-loop rates, each rate for
 * {@code --seconds} (after an unrecorded warm-up of {@code --warmup} seconds at the first), while one keyword subscription sends signed webhooks to a local receiver; for
 * every accepted article, the time from its request's due moment to the first verified webhook that
 * names it. A rate passes when every article was accepted and notified and that latency's p99 is under
 * {@value #P99_LIMIT_MS} ms; capacity is the highest rate that passed (the climb stops at the first
 * that did not). For each rate, the CPU each process used from the load's start until the pipeline
 * had drained, per article, and what the pipeline wrote per article: records and bytes on its topics,
 * rows in PostgreSQL. The floor is what Kafka and PostgreSQL alone spend on that much, measured in the
 * same run ({@link Floor}).
 */
final class PipelineScenario {

    private static final double P99_LIMIT_MS = 1000;
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(300);

    /** One rate's outcome. */
    record Step(double rate, int sent, int accepted, int notified, double p50Ms, double p99Ms, Map<String, Double> cpuMs,
            double records, double bytes, double rows) {

        boolean passed() {
            return accepted == sent && notified == accepted && accepted > 0 && p99Ms < P99_LIMIT_MS;
        }

        double cpuPerArticle() {
            return cpuMs.values().stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, accepted);
        }

        String text() {
            return String.format("%.0f/s: %d/%d accepted, %d notified, p50 %.0f ms, p99 %.0f ms, CPU %.1f ms/article (%s)",
                    rate, accepted, sent, notified, p50Ms, p99Ms, cpuPerArticle(), cpuMs.entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format("%.1f", e.getValue() / Math.max(1, accepted)))
                            .collect(Collectors.joining(", ")));
        }
    }

    private PipelineScenario() {
    }

    static void run(Options options) throws Exception {
        String scenario = options.string("scenario");
        if (!scenario.equals("distinct") && !scenario.equals("burst")) {
            throw new IllegalArgumentException("--scenario is distinct or burst, not " + scenario);
        }
        Measurements out = Measurements.from(options);
        ProcessCpu cpu = new ProcessCpu(options.string("pids"));
        NewsArticles articles = new NewsArticles(System.nanoTime());
        List<Step> steps = new ArrayList<>();
        List<Double> rates = java.util.Arrays.stream(options.string("rates").split(",")).map(r -> Double.parseDouble(r.strip())).toList();
        // Unrecorded, at the first rate: a fresh JVM's first seconds are interpreted and compiling.
        Step warmup = measure(options, scenario, rates.get(0), options.seconds("warmup"), 0, articles, cpu);
        System.out.println("  warm-up, not recorded: " + warmup.text());
        long next = warmup.sent();
        for (double rate : rates) {
            Step step = measure(options, scenario, rate, options.seconds("seconds"), next, articles, cpu);
            next += step.sent();
            steps.add(step);
            System.out.println("  " + step.text());
            if (rate == 50) {
                latency(out, "pipeline." + scenario + ".at50.p99_ms", step.p99Ms(), step.text());
            }
            if (!step.passed()) {
                break;
            }
        }
        String prefix = "pipeline." + scenario;
        if (rates.contains(50.0) && steps.stream().noneMatch(s -> s.rate() == 50)) {
            out.unavailable(prefix + ".at50.p99_ms", "not reached: the climb stopped at " + Math.round(steps.get(steps.size() - 1).rate())
                    + "/s");
        }
        String table = steps.stream().map(Step::text).collect(Collectors.joining("; "));
        Step capacity = steps.stream().filter(Step::passed).reduce((a, b) -> b).orElse(null);
        out.record(prefix + ".capacity", capacity == null ? 0 : capacity.rate(), table);
        Step basis = capacity != null ? capacity : steps.get(0);
        String at = capacity != null ? "at capacity" : "at " + Math.round(basis.rate()) + "/s, the lowest rate (none passed)";
        latency(out, prefix + ".p99_ms", basis.p99Ms(), at);
        out.record(prefix + ".cpu_ms", basis.cpuPerArticle(), at + ", load start to drained, all processes");
        for (String group : ProcessCpu.GROUPS) {
            out.record(prefix + ".cpu." + group + "_ms", basis.cpuMs().getOrDefault(group, 0.0) / Math.max(1, basis.accepted()), null);
        }
        Floor.Cost floor = Floor.measure(options, basis.records(), basis.bytes(), basis.rows(), cpu);
        out.record(prefix + ".floor_ms", floor.perArticleMs(), String.format(
                "%.1f records (%.0f B each) and %.1f rows per article: Kafka %.3f ms per record, PostgreSQL COPY %.3f ms per row",
                basis.records(), basis.bytes() / Math.max(1, basis.records()), basis.rows(), floor.kafkaMsPerRecord(),
                floor.postgresMsPerRow()));
    }

    /** A p99 is infinite when no webhook came at all: then there is no figure, only the reason. */
    private static void latency(Measurements out, String metric, double p99Ms, String note) {
        if (Double.isInfinite(p99Ms)) {
            out.unavailable(metric, "no webhook arrived; " + note);
        } else {
            out.record(metric, p99Ms, note);
        }
    }

    private static Step measure(Options options, String scenario, double rate, Duration duration, long first, NewsArticles articles,
            ProcessCpu cpu) throws Exception {
        Duration drain = options.seconds("drain");
        try (Backlog backlog = new Backlog(options)) {
            backlog.awaitIngestQuiet();
            backlog.await("pipeline before " + scenario + " at " + Math.round(rate) + "/s", backlog::pipeline, SETTLE_TIMEOUT, null);
        }
        HttpClient client = Http.client();
        try (BenchSubscriber subscriber = new BenchSubscriber(); Backlog backlog = new Backlog(options)) {
            JsonNode subscription = Subscriptions.webhook(client, options.string("alert"), "bench pipeline", "{\"keywords\":[\"" + NewsArticles.KEYWORD + "\"]}", subscriber.url());
            subscriber.secret(subscription.path("secret").asText());
            try {
                ArticlePoster poster = new ArticlePoster(client, options.string("ingest"), options.string("api-key"),
                        n -> scenario.equals("distinct") ? articles.distinct(first + n) : articles.burst(first + n));
                Map<String, Integer> articleById = new ConcurrentHashMap<>();
                Map<Integer, Long> dueByArticle = new ConcurrentHashMap<>();
                Writes before = writes(backlog);
                Map<String, Double> cpuBefore = cpu.sample();
                OpenLoop.Result load = OpenLoop.run(rate, duration, drain, (n, due) -> poster.post(n).thenApply(accepted -> {
                    if (accepted == null) {
                        return false;
                    }
                    int article = (int) n;
                    dueByArticle.put(article, due);
                    articleById.put(accepted.articleId(), article);
                    accepted.initiativeIds().forEach(id -> articleById.put(id, article));
                    return true;
                }));
                awaitDrained(backlog, subscriber, drain);
                Map<String, Double> used = ProcessCpu.between(cpuBefore, cpu.sample());
                Writes after = writes(backlog);
                // The first verified webhook naming an article (its id or one of its initiatives') notified it.
                Map<Integer, Long> firstReceipt = new ConcurrentHashMap<>();
                for (BenchSubscriber.Receipt receipt : subscriber.receipts()) {
                    receipt.ids().stream().map(articleById::get).filter(java.util.Objects::nonNull).distinct()
                            .forEach(article -> firstReceipt.merge(article, receipt.atNanos(), Math::min));
                }
                Histogram latency = new Histogram(Duration.ofMinutes(10).toMillis() * 1000, 3);
                firstReceipt.forEach((article, at) -> latency.recordValue(Math.max(0, (at - dueByArticle.get(article)) / 1000)));
                int accepted = dueByArticle.size();
                double per = Math.max(1, accepted);
                return new Step(rate, load.sent(), accepted, firstReceipt.size(), latency.getValueAtPercentile(50) / 1000.0,
                        latency.getTotalCount() == 0 ? Double.POSITIVE_INFINITY : latency.getValueAtPercentile(99) / 1000.0, used,
                        (after.records() - before.records()) / per, (after.bytes() - before.bytes()) / per,
                        (after.rows() - before.rows()) / per);
            } finally {
                Subscriptions.delete(client, options.string("alert"), subscription);
            }
        }
    }

    /** Until the pipeline has drained and no webhook came for a while, or the deadline. */
    private static void awaitDrained(Backlog backlog, BenchSubscriber subscriber, Duration drain) throws Exception {
        long deadline = System.nanoTime() + drain.toNanos();
        subscriber.restartQuiet();
        while (System.nanoTime() < deadline) {
            if (subscriber.quietFor(QUIET) && backlog.pipeline() == 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** What the pipeline has written so far: records and bytes on Accord's topics, rows changed in its database. */
    record Writes(long records, long bytes, long rows) {
    }

    private static Writes writes(Backlog backlog) throws Exception {
        Admin admin = backlog.admin();
        Set<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith("accord.")).collect(Collectors.toSet());
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> latest = described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        long records = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        long bytes = logBytes(admin, topics);
        long rows;
        // Backends report their row counts to the statistics a little after their transactions end.
        Thread.sleep(1100);
        try (Statement statement = backlog.connection().createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables")) {
            result.next();
            rows = result.getLong(1);
        }
        return new Writes(records, bytes, rows);
    }

    private static long logBytes(Admin admin, Set<String> topics) throws ExecutionException, InterruptedException {
        List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
        return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
                .flatMap(dirs -> dirs.values().stream())
                .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                .filter(e -> topics.contains(e.getKey().topic()))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    static Admin admin(Options options) {
        java.util.Properties config = new java.util.Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        return Admin.create(config);
    }
}

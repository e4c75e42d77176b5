package dev.accord.bench.harness;

import dev.accord.devstack.launcher.LauncherException;
import dev.accord.devstack.launcher.Out;
import dev.accord.devstack.launcher.ServiceInstance;
import dev.accord.devstack.launcher.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./accord bench [--quick] [--pipeline]} (docs/benchmarks.md): JMH of the in-process paths, a stack of its
 * own, Kafka's and PostgreSQL's baselines and Accord's paths in rounds, then results.json and the docs table.
 */
final class BenchRun {

    private final Path root;
    private final Map<String, String> env;
    private final BenchPlan plan;
    private final boolean pipelineOnly;
    private final Path out;
    private BenchSteps steps;
    private BenchStack bench;

    private BenchRun(Path root, Map<String, String> env, BenchPlan plan, boolean pipelineOnly) {
        this.root = root;
        this.env = env;
        this.plan = plan;
        this.pipelineOnly = pipelineOnly;
        String outDir = env.getOrDefault("ACCORD_BENCH_OUT", "");
        this.out = outDir.isEmpty() ? root.resolve("target/bench") : Path.of(outDir).toAbsolutePath();
    }

    static void main(String[] args) throws Exception {
        BenchPlan plan = BenchPlan.full();
        boolean pipelineOnly = false;
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> plan = BenchPlan.quick();
                case "--pipeline" -> pipelineOnly = true;
                default -> throw new LauncherException("unknown option for bench: " + arg + " (see ./accord help)");
            }
        }
        Path root = Path.of(System.getProperty("accord.root", System.getProperty("user.dir"))).toAbsolutePath();
        new BenchRun(root, System.getenv(), plan, pipelineOnly).run();
    }

    private void run() throws Exception {
        String command = "./accord bench" + (plan.mode().equals("full") ? "" : " --" + plan.mode()) + (pipelineOnly ? " --pipeline" : "");
        long started = System.nanoTime();
        String session = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-"
                + ProcessHandle.current().pid();
        steps = new BenchSteps(root, out.resolve("samples.jsonl"), session);
        bench = BenchStack.create(root, out, env, steps, plan.idleS());
        Stack fresh = bench.stack();
        Files.createDirectories(out);
        if (Files.isDirectory(fresh.state().pids()) && fresh.pids().anyRunning()) {
            throw new LauncherException("a bench stack is already running from " + fresh.state().show(fresh.state().dir())
                    + " (another ./accord bench?)");
        }
        deleteTree(fresh.state().dir());
        fresh.state().create();
        Out.say("Accord bench, " + plan.mode() + " mode (" + plan.rounds() + " round(s)); session " + session + "; load average "
                + ResidentMemory.load1m());

        // In-process paths first, while nothing else of ours runs.
        if (!pipelineOnly) {
            steps.step("extraction (JMH ExtractionBenchmark)", () -> steps.jmh("ExtractionBenchmark", plan.jmhExtraction(), out));
            steps.step("alert matching (JMH MatchingBenchmark)", () -> steps.jmh("MatchingBenchmark", plan.jmhMatching(), out));
        }

        Out.step("Starting the stack (state in " + fresh.state().show(fresh.state().dir()) + ")");
        bench.chooseDatabase(env);
        Stack stack = bench.stack();
        stack.stopOnExit();
        stack.startInfrastructure();
        stack.apiKey();
        // One at a time, so that each one's time to ready is its own and not a share of the cores.
        List<ServiceInstance> services = ServiceInstance.plan("");
        for (ServiceInstance service : services) {
            bench.launch(service);
            bench.awaitReady(service, 1);
        }
        for (ServiceInstance service : services) {
            bench.recordIdleRss(service, 1);
        }
        steps.step("event sizes of one seed copy", () -> steps.harness("sizes", "--bootstrap", stack.bootstrap(), "--ingest",
                url(stack, "ingest-service"), "--api-key", stack.apiKey().value(), "--sizes-file", sizesFile()));
        if (!pipelineOnly) {
            for (int r = 1; r <= plan.rounds(); r++) {
                round(stack, r);
            }
        }
        pipeline(stack);
        if (!pipelineOnly) {
            rest(stack);
        }
        finish(command, started);
    }

    private void round(Stack stack, int r) throws IOException {
        Out.step("Round " + r + " of " + plan.rounds());
        String round = Integer.toString(r);
        // The previous round's end-to-end loads may still be draining; this round measures a quiet pipeline.
        steps.step("settle: earlier loads drained", () -> steps.harness("settle", with(db(stack), "--bootstrap", stack.bootstrap(),
                "--timeout", s(plan.settleS()))));
        String load = ResidentMemory.load1m();
        Out.say("    load average " + load);
        if (load.isEmpty()) {
            steps.measurements(r).unavailable("machine.load_1m", "/proc/loadavg at the start of the round");
        } else {
            steps.measurements(r).record("machine.load_1m", Double.parseDouble(load), "/proc/loadavg at the start of the round");
        }
        steps.step("baseline: Kafka ProducerPerformance / ConsumerPerformance", () -> steps.harness("kafka-baseline", "--round", round,
                "--bootstrap", stack.bootstrap(), "--topic", "bench.baseline." + r, "--records", s(plan.kafkaRecords()),
                "--sizes-file", sizesFile()));
        steps.step("baseline: PostgreSQL batched INSERT / COPY", () -> steps.harness("pg-baseline",
                with(db(stack), "--round", round, "--rows", s(plan.pgRows()))));
        RssSampler sampler = new RssSampler(stack.pids());
        steps.step("HTTP ingest → Kafka", () -> steps.harness("ingest", "--round", round, "--ingest", url(stack, "ingest-service"),
                "--api-key", stack.apiKey().value(), "--clients", s(plan.ingestClients()), "--warmup", s(plan.ingestWarmupS()),
                "--seconds", s(plan.ingestS()), "--drain", s(plan.drainS())));
        steps.step("Kafka → catalog (1 replica)", () -> steps.harness("catalog-load", with(db(stack), "--round", round,
                "--bootstrap", stack.bootstrap(), "--catalog", url(stack, "catalog-service"), "--events", s(plan.catalogEvents()),
                "--timeout", s(plan.catalogTimeoutS()), "--settle", s(plan.settleS()))));
        // 5 articles/s is well below what the whole pipeline sustains on 2 cores: the latency a reader gets.
        for (int rate : new int[] {5, 50, 200}) {
            steps.step("end to end at " + rate + " articles/s", () -> steps.harness("e2e", with(db(stack), "--round", round,
                    "--ingest", url(stack, "ingest-service"), "--alert", url(stack, "alert-service"), "--api-key",
                    stack.apiKey().value(), "--bootstrap", stack.bootstrap(), "--rate", s(rate), "--seconds", s(plan.e2eS()),
                    "--drain", s(plan.drainS()))));
        }
        Map<String, Double> rss = sampler.stop();
        for (String service : ServiceInstance.SERVICES) {
            if (rss.containsKey(service)) {
                steps.measurements(r).record("service." + service.replace("-service", "") + ".rss_load_mb", rss.get(service),
                        "maximum VmRSS during the round's ingest, catalog and end-to-end loads");
            }
        }
    }

    /** The two pipeline scenarios, distinct news and a re-report burst, each at rising rates. */
    private void pipeline(Stack stack) throws IOException {
        for (String scenario : List.of("distinct", "burst")) {
            steps.step("pipeline: " + scenario + " articles at rising rates (" + plan.rates(scenario) + "/s)",
                    () -> steps.harness("pipeline", with(db(stack), "--round", "1", "--scenario", scenario, "--rates",
                            plan.rates(scenario), "--seconds", s(plan.pipelineS()), "--warmup", s(plan.pipelineWarmupS()),
                            "--drain", s(plan.drainS()), "--floor-records", s(plan.floorRecords()), "--pids", bench.pids(),
                            "--ingest", url(stack, "ingest-service"), "--alert", url(stack, "alert-service"), "--api-key",
                            stack.apiKey().value(), "--bootstrap", stack.bootstrap())));
        }
    }

    /** Two catalog replicas, a filled catalog's queries, and further starts of each service. */
    private void rest(Stack stack) throws IOException {
        Out.step("Kafka → catalog with 2 replicas");
        ServiceInstance second = new ServiceInstance("catalog-service", 2);
        bench.start(second, 1);
        for (int r = 1; r <= plan.rounds(); r++) {
            String round = Integer.toString(r);
            steps.step("Kafka → catalog (2 replicas), round " + r, () -> steps.harness("catalog-load", with(db(stack), "--round",
                    round, "--metric", "catalog2.rows_per_s", "--bootstrap", stack.bootstrap(), "--catalog", url(stack, "catalog-service"),
                    "--events", s(plan.catalogEvents()), "--timeout", s(plan.catalogTimeoutS()), "--settle", s(plan.settleS()))));
        }
        bench.stop(second);
        if (plan.fillTo() > 0) {
            steps.step("filling the catalog to " + plan.fillTo() + " initiatives", () -> steps.harness("catalog-load", with(db(stack),
                    "--round", "1", "--metric", "catalog.fill_rows_per_s", "--bootstrap", stack.bootstrap(), "--catalog",
                    url(stack, "catalog-service"), "--fill-to", s(plan.fillTo()), "--timeout", "900")));
        }
        for (int r = 1; r <= plan.rounds(); r++) {
            String round = Integer.toString(r);
            steps.step("catalog queries at " + plan.queryRate() + " req/s, round " + r, () -> steps.harness("queries", with(db(stack),
                    "--round", round, "--catalog", url(stack, "catalog-service"), "--bootstrap", stack.bootstrap(), "--settle",
                    s(plan.settleS()), "--warmup", s(plan.queryWarmupS()), "--rate", s(plan.queryRate()), "--seconds", s(plan.queryS()),
                    "--depth", "20")));
        }
        // Further starts of each service for time to ready and idle RSS (the first was at stack start).
        for (int r = 2; r <= plan.rounds(); r++) {
            for (ServiceInstance service : ServiceInstance.plan("")) {
                Out.step("restarting " + service.name() + " (start " + r + " of " + plan.rounds() + ")");
                bench.stop(service);
                bench.start(service, r);
            }
        }
    }

    private void finish(String command, long started) throws IOException {
        Out.step("Report");
        // A run of the pipeline scenarios alone leaves the full table of docs/benchmarks.md as it is.
        String docs = env.containsKey("ACCORD_BENCH_DOCS") ? env.get("ACCORD_BENCH_DOCS") : root.resolve("docs/benchmarks.md").toString();
        if (pipelineOnly && env.getOrDefault("ACCORD_BENCH_DOCS", "").isEmpty()) {
            docs = "";
        }
        Path results = out.resolve("results.json");
        if (!steps.harness("report", "--command", command, "--mode", plan.mode(), "--results", results.toString(), "--docs", docs)) {
            throw new LauncherException("the report failed");
        }
        Out.say("");
        Out.say("Bench finished in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: "
                + bench.stack().state().show(results) + (docs.isEmpty() ? "" : ", " + bench.stack().state().show(Path.of(docs))));
    }

    private String sizesFile() {
        return out.resolve("event-sizes.properties").toString();
    }

    private static String url(Stack stack, String service) {
        return "http://localhost:" + stack.settings().ports().servicePort(service);
    }

    private static List<String> db(Stack stack) {
        return List.of("--db-url", stack.database().url(), "--db-user", stack.database().user(), "--db-password",
                stack.database().password());
    }

    private static String[] with(List<String> db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(db);
        return all.toArray(String[]::new);
    }

    private static String s(int value) {
        return Integer.toString(value);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package dev.accord.bench.harness;

import dev.accord.devstack.launcher.Database;
import dev.accord.devstack.launcher.LauncherException;
import dev.accord.devstack.launcher.Out;
import dev.accord.devstack.launcher.Probes;
import dev.accord.devstack.launcher.Stack;
import dev.accord.devstack.launcher.StackSettings;
import dev.accord.devstack.launcher.StackStopper;
import dev.accord.devstack.launcher.StateDir;
import dev.accord.devstack.launcher.ServiceInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The bench's own stack, from scratch, on ports of its own (a running {@code ./accord up} is left alone), started
 * through the dev-stack launcher; each service's launch-to-ready time and idle RSS are measured as it starts.
 */
final class BenchStack {

    private Stack stack;
    private final BenchSteps steps;
    private final int idleS;
    private final Map<String, Long> launched = new HashMap<>();
    private final Map<String, Long> ready = new HashMap<>();

    private BenchStack(Stack stack, BenchSteps steps, int idleS) {
        this.stack = stack;
        this.steps = steps;
        this.idleS = idleS;
    }

    /** The settings of {@code ./accord up} on base+N ports, state in {@code out/state}, never an external Kafka. */
    static BenchStack create(Path root, Path out, Map<String, String> env, BenchSteps steps, int idleS) {
        int base = Integer.parseInt(env.getOrDefault("ACCORD_BENCH_PORT_BASE", "19000"));
        StackSettings settings = StackSettings.fromEnvironment(root, env);
        settings = settings.withPorts(settings.ports().onBase(base)).withState(new StateDir(root, out.resolve("state")))
                .withExternal("", settings.externalDb());
        return new BenchStack(new Stack(settings), steps, idleS);
    }

    Stack stack() {
        return stack;
    }

    /**
     * The real PostgreSQL on 127.0.0.1:5432 when one answers there (a fresh database per run, so every run starts
     * from an empty catalog); otherwise the embedded one, as {@code ./accord up} would start.
     */
    void chooseDatabase(Map<String, String> env) throws IOException, InterruptedException {
        if (stack.settings().externalDb() != null || !Probes.portOpen(5432)) {
            return;
        }
        String db = env.getOrDefault("ACCORD_BENCH_DB", "accord_bench");
        if (psql("SELECT 1") && psql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)") && psql("CREATE DATABASE " + db)) {
            stack = new Stack(stack.settings().withExternal("", new Database("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "")));
        }
    }

    void start(ServiceInstance instance, int round) throws IOException {
        launch(instance);
        awaitReady(instance, round);
        recordIdleRss(instance, round);
    }

    void launch(ServiceInstance instance) {
        launched.put(instance.name(), System.nanoTime());
        stack.services().start(instance);
    }

    /** Waits for /q/health/ready and records launch → ready. */
    void awaitReady(ServiceInstance instance, int round) {
        stack.awaitService(instance, stack.deadline(), Duration.ofMillis(50));
        ready.put(instance.name(), System.nanoTime());
        double seconds = (ready.get(instance.name()) - launched.get(instance.name())) / 1e9;
        Out.say(String.format("    %s ready in %.2f s (port %d)", instance.name(), seconds, stack.settings().ports().port(instance)));
        if (instance.replica() == 1) {
            steps.measurements(round).record("service." + shortName(instance) + ".ready_s", Math.round(seconds * 100) / 100.0,
                    "wall clock from launching the JVM to /q/health/ready 200");
        }
    }

    /**
     * RSS once the service has been idle for idle_s since it was ready (services started one after the other idle
     * while the next one starts, instead of each waiting out its own idle time).
     */
    void recordIdleRss(ServiceInstance instance, int round) {
        if (instance.replica() != 1) {
            return;
        }
        long rest = ready.get(instance.name()) + Duration.ofSeconds(idleS).toNanos() - System.nanoTime();
        if (rest > 0) {
            try {
                Thread.sleep(rest / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted");
            }
        }
        String metric = "service." + shortName(instance) + ".rss_idle_mb";
        String note = "VmRSS at least " + idleS + " s after ready, no load";
        OptionalDouble rss = stack.pids().running(instance.name()).stream().mapToObj(ResidentMemory::mb)
                .filter(OptionalDouble::isPresent).findFirst().orElse(OptionalDouble.empty());
        if (rss.isPresent()) {
            steps.measurements(round).record(metric, rss.getAsDouble(), note);
        } else {
            steps.measurements(round).unavailable(metric, note);
        }
    }

    void stop(ServiceInstance instance) {
        new StackStopper(stack.state()).stop(List.of(instance.name()));
    }

    /** name=pid of every process the bench started, for the CPU the pipeline scenarios read from /proc. */
    String pids() throws IOException {
        StringBuilder pids = new StringBuilder();
        try (var files = java.nio.file.Files.newDirectoryStream(stack.state().pids(), "*.pid")) {
            for (Path file : files) {
                pids.append(pids.length() == 0 ? "" : ",").append(file.getFileName().toString().replaceFirst("\\.pid$", ""))
                        .append('=').append(java.nio.file.Files.readString(file).trim());
            }
        }
        return pids.toString();
    }

    static String shortName(ServiceInstance instance) {
        return instance.service().substring(0, instance.service().indexOf("-service"));
    }

    private static boolean psql(String sql) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAt", "-c", sql)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false; // no psql on PATH
        }
    }
}

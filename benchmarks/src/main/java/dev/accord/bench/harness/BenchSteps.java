package dev.accord.bench.harness;

import dev.accord.devstack.launcher.Out;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the harness' commands for one bench run, each in a JVM of its own (the load tools keep what they check,
 * answers, webhooks and the ids they name, until their step ends), tagged with the run's samples file and session.
 */
final class BenchSteps {

    private final Path root;
    private final Path samples;
    private final String session;

    BenchSteps(Path root, Path samples, String session) {
        this.root = root;
        this.samples = samples;
        this.session = session;
    }

    String session() {
        return session;
    }

    Measurements measurements(int round) {
        return new Measurements(samples, session, round);
    }

    /** A step that fails leaves its figures out (the report shows them as n/a) instead of ending the run. */
    void step(String what, Step step) {
        long began = System.nanoTime();
        Out.step(what);
        boolean ok;
        try {
            ok = step.run();
        } catch (IOException | RuntimeException e) {
            System.err.println(e);
            ok = false;
        }
        if (!ok) {
            Out.warn(what + " failed; its figures are reported as not measured");
        }
        Out.say("    (" + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s)");
    }

    /** {@code Bench <command> --out … --session … args}: true when it exited with 0. */
    boolean harness(String command, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(java(), "-Xmx2g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", classpath(), Bench.class.getName(), command, "--out", samples.toString(), "--session", session));
        line.addAll(Arrays.asList(args));
        return run(new ProcessBuilder(line).inheritIO());
    }

    /** A JMH benchmark of this module, its figures imported into the samples. */
    boolean jmh(String name, String options, Path out) throws IOException {
        Path file = out.resolve("jmh-" + name + ".json");
        Path log = out.resolve("jmh-" + name + ".log");
        List<String> line = new ArrayList<>(List.of(java(), "-cp", classpath(), "org.openjdk.jmh.Main", name));
        line.addAll(Arrays.asList(options.trim().split("\\s+")));
        line.addAll(List.of("-rf", "json", "-rff", file.toString()));
        if (!run(new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()))) {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
            return false;
        }
        Files.readAllLines(log).stream().filter(l -> l.matches("^(Benchmark|[A-Z][A-Za-z]+Benchmark).*"))
                .forEach(l -> Out.say("      " + l));
        return harness("jmh-import", "--file", file.toString());
    }

    private String classpath() {
        Path target = root.resolve("benchmarks/target");
        return target.resolve("benchmarks.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    private static boolean run(ProcessBuilder builder) throws IOException {
        try {
            return builder.start().waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @FunctionalInterface
    interface Step {
        boolean run() throws IOException;
    }
}

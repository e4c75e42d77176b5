package dev.accord.systemtest;

import dev.accord.devstack.launcher.QuarkusApp;
import dev.accord.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One packaged service ({@code target/quarkus-app}, dev-stack's QuarkusApp) running as its own OS process. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    private static final int START_ATTEMPTS = 3;

    /**
     * Starts the service on a free port and waits until it is ready. A port found free can be taken
     * by another process's outgoing connection before the service binds it, so a start that fails
     * for that reason is retried on another port; {@code env} gets the port, for settings naming it.
     */
    static ServiceProcess startReady(String module, java.util.function.IntFunction<Map<String, String>> env, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            ServiceProcess service = start(module, port, env.apply(port));
            try {
                service.awaitReady(timeout);
                return service;
            } catch (AssertionError | IllegalStateException e) {
                service.close();
                if (attempt == START_ATTEMPTS || !service.tail().contains("seems to be in use")) {
                    throw e;
                }
            }
        }
    }

    static ServiceProcess start(String module, int port, Map<String, String> env) {
        Path root = Fixtures.repositoryRoot();
        QuarkusApp app = QuarkusApp.of(root, module);
        if (!Files.exists(app.jar())) {
            throw new IllegalStateException(app.jar() + " is missing: package the services first (mvn verify does)");
        }
        try {
            Path logDir = root.resolve("system-tests/target/service-logs");
            Files.createDirectories(logDir);
            // One log per instance: replicas of a module run side by side.
            Path log = logDir.resolve(module + "-" + port + ".log");
            // The command line ./accord runs a service with, on a smaller heap: several share the test machine.
            ProcessBuilder builder = new ProcessBuilder(app.command(List.of("-Xmx256m"), module + "-" + port))
                    .directory(app.directory().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new ServiceProcess(module, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(Duration timeout) {
        try {
            Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
                }
                try {
                    HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    return response.statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(name + " not ready within " + timeout + "; log:\n" + tail(), e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the process gets no chance to finish batches, commit offsets or release claims. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

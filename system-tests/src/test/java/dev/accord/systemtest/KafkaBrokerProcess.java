package dev.accord.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.accord.devstack.launcher.KafkaBrokerConfig;
import org.awaitility.Awaitility;

/**
 * A single-node Apache Kafka KRaft broker in its own JVM, from the Kafka jars on the test class path, configured
 * as {@code ./accord up} configures its broker (dev-stack's KafkaBrokerConfig),
 * with its data kept on disk between stops: a test can stop it (or kill it) and start it again on the
 * same ports, as an operator restarting the broker would.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path directory;
    private final KafkaBrokerConfig config;
    private Process process;

    private KafkaBrokerProcess(Path directory) {
        this.directory = directory;
        this.config = new KafkaBrokerConfig("127.0.0.1", ServiceProcess.freePort(), ServiceProcess.freePort(),
                directory.resolve("data"));
    }

    /** Formats a fresh storage directory and starts the broker. */
    static KafkaBrokerProcess startFresh() {
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("accord-kafka-"));
            broker.config.write(broker.config(), "");
            String[] format = broker.config.formatArguments(broker.config(), KafkaBrokerConfig.newClusterId());
            broker.run(format[0], java.util.Arrays.copyOfRange(format, 1, format.length)).waitFor();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** Starts the broker on its ports and data, and waits until it accepts connections. */
    void start() {
        process = run("kafka.Kafka", config().toString());
        Awaitility.await("Kafka broker listening").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited; log:\n" + Files.readString(log()));
            }
            return listening();
        });
    }

    /** A clean stop (SIGTERM): the broker shuts down its log and controller, as in a rolling restart. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", config.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process run(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaBinary(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path config() {
        return directory.resolve("server.properties");
    }

    Path log() {
        return directory.resolve("kafka.log");
    }
}

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
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A single-node Apache Kafka KRaft broker in its own JVM, from the Kafka jars on the test class path,
 * with its data kept on disk between stops: a test can stop it (or kill it) and start it again on the
 * same ports, as an operator restarting the broker would.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path directory) {
        this.directory = directory;
        this.port = ServiceProcess.freePort();
        this.controllerPort = ServiceProcess.freePort();
    }

    /** Formats a fresh storage directory and starts the broker. */
    static KafkaBrokerProcess startFresh() {
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("accord-kafka-"));
            broker.writeConfig();
            broker.run("kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId(), "-c",
                    broker.config().toString()).waitFor();
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
        return "127.0.0.1:" + port;
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
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
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

    private void writeConfig() throws IOException {
        Files.writeString(config(), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=6",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
    }

    private Path config() {
        return directory.resolve("server.properties");
    }

    Path log() {
        return directory.resolve("kafka.log");
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as StorageTool makes them. */
    /** Kafka's own kind of id: base64 that never starts with "-", which the storage tool would read as an option. */
    private static String clusterId() {
        return Uuid.randomUuid().toString();
    }
}

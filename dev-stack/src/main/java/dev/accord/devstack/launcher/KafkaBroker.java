package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The stack's Kafka: the one KAFKA_BOOTSTRAP_SERVERS names, or a KRaft broker of its own in .accord/kafka. */
final class KafkaBroker {

    private static final String HEADER = """
            # Written by ./accord on every start: a single-node KRaft cluster (broker and controller in one
            # JVM) for local use. Change ports with ACCORD_KAFKA_PORT / ACCORD_KAFKA_CONTROLLER_PORT; after
            # changing the controller port, delete .accord/kafka (the quorum remembers its endpoint).
            """;

    private KafkaBroker() {
    }

    /** Starts the broker (or notes the external one) and answers its bootstrap servers. */
    static String start(StackSettings settings, DevStackJars jars) {
        if (!settings.externalBootstrap().isEmpty()) {
            Out.say("    Kafka: using " + settings.externalBootstrap() + " (KAFKA_BOOTSTRAP_SERVERS)");
            return settings.externalBootstrap();
        }
        StateDir state = settings.state();
        StackPorts ports = settings.ports();
        Probes.requireFreePort(ports.kafka(), "Kafka",
                "Set KAFKA_BOOTSTRAP_SERVERS to use the broker there, or ACCORD_KAFKA_PORT to move ours.");
        Probes.requireFreePort(ports.kafkaController(), "the Kafka controller", "Set ACCORD_KAFKA_CONTROLLER_PORT.");
        Path dir = state.dir().resolve("kafka");
        Path configFile = dir.resolve("server.properties");
        KafkaBrokerConfig config = new KafkaBrokerConfig("localhost", ports.kafka(), ports.kafkaController(), dir.resolve("data"));
        try {
            config.write(configFile, HEADER);
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                String clusterId = KafkaBrokerConfig.newClusterId();
                Out.say("    formatting Kafka storage in " + state.show(dir.resolve("data")) + " (cluster " + clusterId + ")");
                List<String> format = new ArrayList<>(List.of(ComponentProcess.java(),
                        "-Dlog4j2.configurationFile=" + jars.kafkaLogConfig(), "-Daccord.kafka.log.level=warn",
                        "-cp", jars.kafkaClasspath()));
                format.addAll(List.of(config.formatArguments(configFile, clusterId)));
                Process process = new ProcessBuilder(format).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(state.log(Component.KAFKA).toFile())).start();
                if (process.waitFor() != 0) {
                    throw ComponentLog.failure(state, Component.KAFKA, "formatting Kafka storage failed");
                }
            }
        } catch (IOException e) {
            throw new LauncherException("could not prepare Kafka in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while formatting Kafka storage");
        }
        Out.say("    Kafka: starting a KRaft broker on localhost:" + ports.kafka() + " (data in " + state.show(dir) + ")");
        ComponentProcess.start(state, Component.KAFKA, Map.of(), null, List.of(ComponentProcess.java(),
                "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + jars.kafkaLogConfig(), "-cp", jars.kafkaClasspath(), "kafka.Kafka",
                configFile.toString()));
        return "localhost:" + ports.kafka();
    }
}

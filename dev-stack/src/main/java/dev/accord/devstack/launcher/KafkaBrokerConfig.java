package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A single-node KRaft cluster's server.properties: broker and controller in one JVM, for local use. */
public record KafkaBrokerConfig(String host, int port, int controllerPort, Path dataDir) {

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public String properties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "controller.quorum.bootstrap.servers=" + host + ":" + controllerPort,
                "log.dirs=" + dataDir,
                "num.partitions=6",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# One machine, a handful of consumers: no reason to wait before the first rebalance.",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    public void write(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + properties());
    }

    /** Kafka's own kind of id, which never starts with "-" (the storage tool would read it as an option). */
    public static String newClusterId() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    /** {@code kafka.tools.StorageTool format}: --standalone makes this node the single voter of the quorum. */
    public String[] formatArguments(Path configFile, String clusterId) {
        return new String[] {"kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId, "-c", configFile.toString()};
    }
}

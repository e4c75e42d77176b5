package dev.accord.devstack.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the environment says about the stack to start (the ACCORD_* variables of {@code ./accord help}).
 * {@code externalBootstrap} and {@code externalDb} are set when Kafka or PostgreSQL is someone else's.
 */
public record StackSettings(Path root, StateDir state, StackPorts ports, String httpHost, Duration startTimeout,
        String smtpHost, List<String> serviceJavaOpts, String topicReplication, String externalBootstrap,
        Database externalDb, String apiKey, String webhookAllowedHosts, String catalogPublicUrl) {

    /**
     * The services' JVM options unless ACCORD_JAVA_OPTS says otherwise: the serial collector, which suits a
     * couple of cores, and a heap that starts small and gives memory back when idle. After a collection 40 % of
     * the heap is kept free: with 10 % the catalog, whose in-memory indexes grow with the data, spent half its CPU
     * time in back-to-back full collections under load. The maximum stays the JVM's (a quarter of RAM): a 256 MB
     * cap ran the catalog out of heap under the full benchmark. Out of heap, the JVM exits rather than live on with
     * a consumer stopped (docs/operations.md).
     */
    static final String SERVICE_JAVA_OPTS = "-XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70"
            + " -Xss512k -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError";

    public static StackSettings fromEnvironment(Path root, Map<String, String> env) {
        Path stateDir = Path.of(orDefault(env, "ACCORD_STATE_DIR", root.resolve(".accord").toString()));
        // Unset means the default options; set but empty means the JVM's own defaults.
        String javaOpts = env.containsKey("ACCORD_JAVA_OPTS") ? env.get("ACCORD_JAVA_OPTS") : SERVICE_JAVA_OPTS;
        Database db = null;
        if (!orDefault(env, "ACCORD_DB_URL", "").isEmpty()) {
            db = new Database(env.get("ACCORD_DB_URL"), orDefault(env, "ACCORD_DB_USER", "postgres"),
                    orDefault(env, "ACCORD_DB_PASSWORD", ""));
        }
        return new StackSettings(root, new StateDir(root, stateDir.isAbsolute() ? stateDir : root.resolve(stateDir)),
                StackPorts.fromEnvironment(env), orDefault(env, "ACCORD_HTTP_HOST", "127.0.0.1"),
                Duration.ofSeconds(Long.parseLong(orDefault(env, "ACCORD_START_TIMEOUT", "120"))),
                orDefault(env, "ACCORD_SMTP_HOST", ""),
                Arrays.stream(javaOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                orDefault(env, "ACCORD_TOPIC_REPLICATION", "1"), orDefault(env, "KAFKA_BOOTSTRAP_SERVERS", ""), db,
                orDefault(env, "ACCORD_INGEST_API_KEY", ""),
                orDefault(env, "ACCORD_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1"),
                orDefault(env, "ACCORD_CATALOG_PUBLIC_URL", ""));
    }

    /** The stack's own mail sink takes alert-service's mail unless an SMTP server is configured. */
    public boolean mailSink() {
        return smtpHost.isEmpty();
    }

    public StackSettings withPorts(StackPorts newPorts) {
        return new StackSettings(root, state, newPorts, httpHost, startTimeout, smtpHost, serviceJavaOpts,
                topicReplication, externalBootstrap, externalDb, apiKey, webhookAllowedHosts, catalogPublicUrl);
    }

    public StackSettings withState(StateDir newState) {
        return new StackSettings(root, newState, ports, httpHost, startTimeout, smtpHost, serviceJavaOpts,
                topicReplication, externalBootstrap, externalDb, apiKey, webhookAllowedHosts, catalogPublicUrl);
    }

    public StackSettings withExternal(String bootstrap, Database db) {
        return new StackSettings(root, state, ports, httpHost, startTimeout, smtpHost, serviceJavaOpts,
                topicReplication, bootstrap, db, apiKey, webhookAllowedHosts, catalogPublicUrl);
    }

    static String orDefault(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}

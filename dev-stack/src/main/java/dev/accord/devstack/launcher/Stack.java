package dev.accord.devstack.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One stack on this machine: its state directory, Kafka, PostgreSQL and topics, then the services. {@code up}
 * and the bench both start theirs through it; {@link #stopOnExit()} makes sure a failed or interrupted start
 * leaves nothing behind.
 */
public final class Stack {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final StackSettings settings;
    private final DevStackJars jars;
    private final Pids pids;
    private volatile boolean keepRunning;
    private volatile boolean stopping;
    private String bootstrap;
    private Database database;
    private ApiKey apiKey;

    public Stack(StackSettings settings) {
        this.settings = settings;
        this.jars = DevStackJars.in(settings.root());
        this.pids = new Pids(settings.state());
    }

    public StackSettings settings() {
        return settings;
    }

    public StateDir state() {
        return settings.state();
    }

    public Pids pids() {
        return pids;
    }

    public DevStackJars jars() {
        return jars;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Database database() {
        return database;
    }

    public ApiKey apiKey() {
        if (apiKey == null) {
            apiKey = ApiKey.ensure(settings);
        }
        return apiKey;
    }

    public boolean stopping() {
        return stopping;
    }

    /** On any exit of this JVM (an error, Ctrl-C, SIGTERM) the stack is stopped, unless {@link #keepRunning()}. */
    public void stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (keepRunning) {
                return;
            }
            stopping = true;
            if (pids.anyRunning()) {
                Out.say("");
                Out.step("Stopping");
                new StackStopper(state()).stopStack();
                Out.say("    stopped.");
            }
            new StackStopper(state()).stopLeftoverPostgres();
            pids.removeAll();
        }, "accord-stop"));
    }

    public void keepRunning() {
        keepRunning = true;
    }

    /** PostgreSQL and Kafka (each unless an external one is configured), ready, and the topics on Kafka. */
    public void startInfrastructure() {
        long began = System.nanoTime();
        database = PostgresServer.start(settings, jars);
        bootstrap = KafkaBroker.start(settings, jars);
        if (pids.running(Component.POSTGRES).isPresent()) {
            await(Component.POSTGRES, "ready", () -> ComponentLog.has(state().log(Component.POSTGRES), "EmbeddedPostgresServer ready"));
            Out.say("    PostgreSQL ready (" + secondsSince(began) + " s)");
        }
        if (pids.running(Component.KAFKA).isPresent()) {
            int port = settings.ports().kafka();
            await(Component.KAFKA, "accepting connections on port " + port, () -> Probes.portOpen(port));
            Out.say("    Kafka ready (" + secondsSince(began) + " s)");
        }
        Topics.create(settings, jars, bootstrap);
    }

    public ServiceLauncher services() {
        return new ServiceLauncher(settings, bootstrap, database, apiKey().value());
    }

    /** The dev stack's SMTP server and inbox (dev-stack MailSink), unless ACCORD_SMTP_HOST names a real one. */
    public void startMailSink() {
        if (!settings.mailSink()) {
            Out.say("    mail: alert-service sends through " + settings.smtpHost() + " (ACCORD_SMTP_HOST)");
            return;
        }
        StackPorts ports = settings.ports();
        Probes.requireFreePort(ports.mailSmtp(), "the mail sink's SMTP server", "Set ACCORD_MAIL_SMTP_PORT to move it.");
        Probes.requireFreePort(ports.mailInbox(), "the mail sink's inbox", "Set ACCORD_MAIL_INBOX_PORT to move it.");
        ComponentProcess.start(state(), Component.MAIL_SINK, Map.of(), null, List.of(ComponentProcess.java(), "-Xmx64m",
                "-cp", jars.toolsClasspath(), "dev.accord.devstack.MailSink", "--smtp-port", Integer.toString(ports.mailSmtp()),
                "--http-port", Integer.toString(ports.mailInbox())));
        await(Component.MAIL_SINK, "listening", () -> Probes.httpOk("http://127.0.0.1:" + ports.mailInbox() + "/health"));
        Out.say("    mail sink: SMTP on port " + ports.mailSmtp() + ", inbox http://localhost:" + ports.mailInbox() + "/");
    }

    /** Waits for an instance's /q/health/ready, polling every {@code poll}, until {@code deadline} (System.nanoTime). */
    public void awaitService(ServiceInstance instance, long deadline, Duration poll) {
        int port = settings.ports().port(instance);
        String ready = "http://localhost:" + port + "/q/health/ready";
        Probes.awaitReady(state(), instance.name(), deadline, settings.startTimeout(), "ready (" + ready + ")",
                () -> Probes.httpOk(ready), poll);
    }

    public long deadline() {
        return System.nanoTime() + settings.startTimeout().toNanos();
    }

    void await(String name, String what, BooleanSupplier probe) {
        Probes.awaitReady(state(), name, deadline(), settings.startTimeout(), what, probe, POLL);
    }

    static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}

package dev.accord.devstack.launcher;

import dev.accord.devstack.ConsumerLagReport;
import java.util.OptionalLong;

/** {@code ./accord status}: each component's pid and health, and consumer-group lag. */
final class StackStatus {

    private final StackSettings settings;
    private final Pids pids;
    private StackPorts ports;

    StackStatus(StackSettings settings) {
        this.settings = settings;
        this.pids = new Pids(settings.state());
        this.ports = settings.ports();
    }

    /** True when every component started is running. */
    boolean print() {
        if (!pids.anyRunning()) {
            Out.say("No Accord stack is running (./accord up starts one).");
            return false;
        }
        StackEnv env = StackEnv.read(settings.state());
        ports = env.ports(ports);
        String bootstrap = env.get("bootstrap");
        if (env.exists()) {
            Out.say("Stack started " + env.get("started") + "; Kafka " + bootstrap + "; database " + env.get("db_url"));
        }
        boolean healthy = true;
        for (String name : pids.allComponents()) {
            OptionalLong pid = pids.running(name);
            if (pid.isPresent()) {
                Out.say(String.format("  %-17s running  pid %-7s %s", name, pid.getAsLong(), health(name)));
            } else if (pids.hasFile(name)) {
                Out.say(String.format("  %-17s STOPPED  (it exited; see %s)", name, settings.state().show(settings.state().log(name))));
                healthy = false;
            } else if (name.equals(Component.KAFKA) && !bootstrap.isEmpty()) {
                Out.say(String.format("  %-17s external %s", name, bootstrap));
            } else if (name.equals(Component.POSTGRES) && env.exists()) {
                Out.say(String.format("  %-17s external %s", name, env.get("db_url")));
            } else if (!name.equals(Component.RECEIVER) && !name.equals(Component.MAIL_SINK)) {
                Out.say(String.format("  %-17s -        not started by ./accord", name));
            }
        }
        if (!bootstrap.isEmpty()) {
            Out.say("Consumer-group lag:");
            try {
                ConsumerLagReport.main(new String[] {bootstrap});
            } catch (Exception e) {
                Out.say("  (Kafka at " + bootstrap + " did not answer)");
            }
        }
        return healthy;
    }

    private String health(String name) {
        switch (name) {
            case Component.POSTGRES -> {
                return reachable(ports.postgres());
            }
            case Component.KAFKA -> {
                return reachable(ports.kafka());
            }
            case Component.RECEIVER -> {
                return "health " + Probes.httpStatus("http://127.0.0.1:" + ports.receiver() + "/health");
            }
            case Component.CONSOLE -> {
                return "health " + Probes.httpStatus("http://localhost:" + ports.console() + "/q/health/ready")
                        + " (http://localhost:" + ports.console() + "/)";
            }
            case Component.MAIL_SINK -> {
                return "health " + Probes.httpStatus("http://127.0.0.1:" + ports.mailInbox() + "/health") + " (inbox http://localhost:"
                        + ports.mailInbox() + "/, SMTP port " + ports.mailSmtp() + ")";
            }
            default -> {
                int port = ports.port(ServiceInstance.parse(name).orElseThrow());
                String code = Probes.httpStatus("http://localhost:" + port + "/q/health/ready");
                return code.equals("200") ? "ready (http://localhost:" + port + ")" : "NOT ready: /q/health/ready answered " + code;
            }
        }
    }

    private static String reachable(int port) {
        return (Probes.portOpen(port) ? "accepting connections on " : "not reachable on ") + port;
    }
}

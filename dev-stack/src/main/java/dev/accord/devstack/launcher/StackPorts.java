package dev.accord.devstack.launcher;

import java.util.Map;

/** Every port the stack listens on; a service's replica n listens on its port + (n-1)*100. */
public record StackPorts(int kafka, int kafkaController, int postgres, int receiver, int console, int mailSmtp,
        int mailInbox, int ingest, int catalog, int alert) {

    static final int REPLICA_PORT_STEP = 100;

    public static StackPorts fromEnvironment(Map<String, String> env) {
        return new StackPorts(port(env, "ACCORD_KAFKA_PORT", 9092), port(env, "ACCORD_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "ACCORD_PG_PORT", 5433), port(env, "ACCORD_DEMO_WEBHOOK_PORT", 8090),
                port(env, "ACCORD_CONSOLE_PORT", 8080), port(env, "ACCORD_MAIL_SMTP_PORT", 2525),
                port(env, "ACCORD_MAIL_INBOX_PORT", 8025), port(env, "ACCORD_INGEST_PORT", 8081),
                port(env, "ACCORD_CATALOG_PORT", 8082), port(env, "ACCORD_ALERT_PORT", 8083));
    }

    /** The bench's own stack: Kafka on base+92, PostgreSQL on base+432, the services on base+81..83. */
    public StackPorts onBase(int base) {
        return new StackPorts(base + 92, base + 93, base + 432, receiver, console, mailSmtp, mailInbox, base + 81,
                base + 82, base + 83);
    }

    public int servicePort(String service) {
        return switch (service) {
            case "ingest-service" -> ingest;
            case "catalog-service" -> catalog;
            case "alert-service" -> alert;
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    public int port(ServiceInstance instance) {
        return servicePort(instance.service()) + (instance.replica() - 1) * REPLICA_PORT_STEP;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

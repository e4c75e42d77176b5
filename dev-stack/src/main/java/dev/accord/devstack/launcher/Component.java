package dev.accord.devstack.launcher;

import java.time.Duration;

/** What each component's command line contains and how long it gets to stop. */
final class Component {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String MAIL_SINK = "mail-sink";
    static final String CONSOLE = "console";
    static final String RECEIVER = "webhook-receiver";

    private Component() {
    }

    /** Part of the command line, so that a recycled pid is never mistaken for ours. */
    static String marker(String name) {
        return switch (name) {
            case POSTGRES -> "dev.accord.devstack.EmbeddedPostgresServer";
            case KAFKA -> "kafka.Kafka";
            case RECEIVER -> "dev.accord.devstack.DemoWebhookReceiver";
            case MAIL_SINK -> "dev.accord.devstack.MailSink";
            default -> "-Daccord.instance=" + name + " ";
        };
    }

    /** Between SIGTERM and SIGKILL. */
    static Duration stopTimeout(String name) {
        return Duration.ofSeconds(switch (name) {
            case KAFKA -> 60;
            case RECEIVER, MAIL_SINK -> 5;
            default -> 30;
        });
    }
}

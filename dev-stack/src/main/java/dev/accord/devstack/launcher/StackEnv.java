package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** .accord/stack.env: what status and dlq need to know about the running stack, whatever their environment says. */
public record StackEnv(Map<String, String> values) {

    static Path file(StateDir state) {
        return state.dir().resolve("stack.env");
    }

    static void write(StateDir state, StackPorts ports, String bootstrap, Database db) throws IOException {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("started", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")));
        v.put("bootstrap", bootstrap);
        v.put("db_url", db.url());
        v.put("kafka_port", Integer.toString(ports.kafka()));
        v.put("pg_port", Integer.toString(ports.postgres()));
        v.put("receiver_port", Integer.toString(ports.receiver()));
        v.put("mail_inbox_port", Integer.toString(ports.mailInbox()));
        v.put("console_port", Integer.toString(ports.console()));
        v.put("mail_smtp_port", Integer.toString(ports.mailSmtp()));
        v.put("ingest_port", Integer.toString(ports.ingest()));
        v.put("catalog_port", Integer.toString(ports.catalog()));
        v.put("alert_port", Integer.toString(ports.alert()));
        StringBuilder text = new StringBuilder();
        v.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file(state), text);
    }

    /** The values of an earlier "up"; empty when there was none. */
    static StackEnv read(StateDir state) {
        Map<String, String> v = new LinkedHashMap<>();
        try {
            if (Files.exists(file(state))) {
                for (String line : Files.readAllLines(file(state))) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        v.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
        } catch (IOException e) {
            // As if there were none.
        }
        return new StackEnv(v);
    }

    boolean exists() {
        return !values.isEmpty();
    }

    String get(String key) {
        return values.getOrDefault(key, "");
    }

    /** The ports the stack was started with, over what the environment says now. */
    StackPorts ports(StackPorts current) {
        return new StackPorts(port("kafka_port", current.kafka()), current.kafkaController(), port("pg_port", current.postgres()),
                port("receiver_port", current.receiver()), port("console_port", current.console()),
                port("mail_smtp_port", current.mailSmtp()), port("mail_inbox_port", current.mailInbox()),
                port("ingest_port", current.ingest()), port("catalog_port", current.catalog()), port("alert_port", current.alert()));
    }

    private int port(String key, int fallback) {
        String value = values.get(key);
        return value == null || !value.matches("[0-9]+") ? fallback : Integer.parseInt(value);
    }
}

package dev.accord.devstack;

import dev.accord.webhookreceiver.WebhookReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subscriber side of the {@code ./accord up --demo} walk-through: a {@link WebhookReceiver} that checks
 * each of alert-service's webhooks as the Standard Webhooks specification tells a receiver to, and logs it
 * on one line as VERIFIED (answered 204) or REJECTED (answered 401).
 *
 * <p>The signing secret exists only once the demo subscription has been created, so besides
 * {@code --secret whsec_…} the receiver takes {@code --secret-file PATH}, which it re-reads on every
 * request (one secret per line; any of them may match). Other options: {@code --port} (8090),
 * {@code --bind} (127.0.0.1). Environment fallbacks: {@code ACCORD_DEMO_WEBHOOK_PORT},
 * {@code ACCORD_DEMO_WEBHOOK_SECRET}, {@code ACCORD_DEMO_WEBHOOK_SECRET_FILE}.
 */
public final class DemoWebhookReceiver {

    private final List<String> fixedSecrets;
    private final Path secretFile;

    DemoWebhookReceiver(List<String> fixedSecrets, Path secretFile) {
        this.fixedSecrets = List.copyOf(fixedSecrets);
        this.secretFile = secretFile;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(Args.env("ACCORD_DEMO_WEBHOOK_PORT", "8090"));
        String bind = "127.0.0.1";
        List<String> secrets = new ArrayList<>();
        String secretFile = Args.env("ACCORD_DEMO_WEBHOOK_SECRET_FILE", null);
        String envSecret = Args.env("ACCORD_DEMO_WEBHOOK_SECRET", null);
        if (envSecret != null) {
            secrets.add(envSecret);
        }
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--bind" -> bind = required(args[i], value);
                case "--secret" -> secrets.add(required(args[i], value));
                case "--secret-file" -> secretFile = required(args[i], value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --port, --bind, --secret, --secret-file)");
            }
            i++;
        }

        DemoWebhookReceiver demo = new DemoWebhookReceiver(secrets, secretFile == null ? null : Path.of(secretFile));
        WebhookReceiver receiver = WebhookReceiver.start(bind, port).verifying(demo::secrets).onDelivery(delivery -> {
            System.out.println(describe(delivery.verified(), delivery.verdict().reason(), delivery.header("webhook-id"),
                    delivery.path(), delivery.body()));
            System.out.flush();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "webhook-receiver-stop"));
        System.out.printf("DemoWebhookReceiver listening on http://%s:%d/ (secret %s)%n", bind, port,
                secretFile != null ? "re-read from " + secretFile : secrets.isEmpty() ? "not set" : "given");
        System.out.flush();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The fixed secrets plus those in the secret file as it is now (the file may appear later). */
    List<String> secrets() {
        List<String> all = new ArrayList<>(fixedSecrets);
        if (secretFile != null && Files.isReadable(secretFile)) {
            try {
                for (String line : Files.readAllLines(secretFile, StandardCharsets.UTF_8)) {
                    String secret = line.strip();
                    if (!secret.isEmpty() && !secret.startsWith("#")) {
                        all.add(secret);
                    }
                }
            } catch (IOException e) {
                System.err.println("DemoWebhookReceiver cannot read " + secretFile + ": " + e.getMessage());
            }
        }
        return all;
    }

    private static final Pattern TYPE = jsonField("type");
    private static final Pattern TITLE = jsonField("title");
    private static final Pattern CATALOG_URL = jsonField("catalogUrl");

    private static Pattern jsonField(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    }

    /** One log line per delivery; a few fields of the notification are shown, not the whole JSON. */
    static String describe(boolean verified, String reason, String id, String path, String json) {
        StringBuilder line = new StringBuilder()
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(verified ? " VERIFIED " : " REJECTED ")
                .append(path).append(" webhook-id=").append(id);
        appendField(line, "type", TYPE, json);
        appendField(line, "title", TITLE, json);
        appendField(line, "catalogUrl", CATALOG_URL, json);
        line.append(" (").append(json.getBytes(StandardCharsets.UTF_8).length).append(" bytes)");
        if (!verified) {
            line.append(" reason: ").append(reason);
        }
        return line.toString();
    }

    private static void appendField(StringBuilder line, String name, Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (m.find()) {
            String value = m.group(1);
            line.append(' ').append(name).append('=')
                    .append(value.length() > 100 ? '"' + value.substring(0, 97) + "...\"" : '"' + value + '"');
        }
    }
}

package dev.accord.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The subscriber side of the {@code ./accord up --demo} walk-through: an HTTP endpoint that
 * receives alert-service's webhooks, checks each one as the Standard Webhooks specification tells
 * a receiver to, and logs it on one line as VERIFIED (answered 204) or REJECTED (answered 401).
 *
 * <p>The signing secret exists only once the demo subscription has been created, so besides
 * {@code --secret whsec_…} the receiver takes {@code --secret-file PATH}, which it re-reads on every
 * request (one secret per line; any of them may match). Other options: {@code --port} (8090),
 * {@code --bind} (127.0.0.1). Environment fallbacks: {@code ACCORD_DEMO_WEBHOOK_PORT},
 * {@code ACCORD_DEMO_WEBHOOK_SECRET}, {@code ACCORD_DEMO_WEBHOOK_SECRET_FILE}.
 */
public final class DemoWebhookReceiver {

    /** Older (or further in the future) deliveries are refused, so a captured request cannot be replayed later. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String SECRET_PREFIX = "whsec_";
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final List<String> fixedSecrets;
    private final Path secretFile;

    DemoWebhookReceiver(List<String> fixedSecrets, Path secretFile) {
        this.fixedSecrets = List.copyOf(fixedSecrets);
        this.secretFile = secretFile;
    }

    public static void main(String[] args) throws IOException {
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

        DemoWebhookReceiver receiver = new DemoWebhookReceiver(secrets, secretFile == null ? null : Path.of(secretFile));
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/", receiver::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "webhook-receiver-stop"));
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && "/health".equals(exchange.getRequestURI().getPath())) {
                byte[] ok = "ok\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                return;
            }
            if (!"POST".equals(method)) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = readBounded(exchange.getRequestBody());
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            Verdict verdict = body == null
                    ? Verdict.rejected("body larger than " + MAX_BODY_BYTES + " bytes")
                    : verify(secrets(), id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now());
            System.out.println(describe(verdict, id, exchange.getRequestURI().getPath(), body));
            System.out.flush();
            exchange.sendResponseHeaders(verdict.verified() ? 204 : 401, -1);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
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

    /** The outcome of checking one delivery, with the reason when it is refused. */
    record Verdict(boolean verified, String reason) {
        static Verdict ok() {
            return new Verdict(true, null);
        }

        static Verdict rejected(String reason) {
            return new Verdict(false, reason);
        }
    }

    /**
     * Checks one delivery as the Standard Webhooks specification describes: the signed content is
     * {@code id + "." + timestamp + "." + body}, the key is the base64-decoded part of the secret
     * after {@code whsec_}, and {@code webhook-signature} holds space-separated {@code v1,<base64>}
     * entries of which one must match (several appear while a sender rotates its secret).
     */
    static Verdict verify(List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body,
            Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return Verdict.rejected("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.rejected("webhook-timestamp is not a number of seconds");
        }
        long skew = now.getEpochSecond() - seconds;
        if (skew > TOLERANCE.toSeconds()) {
            return Verdict.rejected("timestamp is " + skew + " s old (more than " + TOLERANCE.toMinutes() + " min)");
        }
        if (-skew > TOLERANCE.toSeconds()) {
            return Verdict.rejected("timestamp is " + (-skew) + " s in the future");
        }
        if (secrets.isEmpty()) {
            return Verdict.rejected("no signing secret known yet");
        }
        for (String secret : secrets) {
            byte[] expected;
            try {
                expected = signature(secret, id, seconds, body);
            } catch (IllegalArgumentException e) {
                return Verdict.rejected("secret is not of the form whsec_<base64>");
            }
            for (String entry : signatureHeader.strip().split(" +")) {
                int comma = entry.indexOf(',');
                if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
                    continue; // another scheme (e.g. v1a, asymmetric): not ours to check
                }
                byte[] presented;
                try {
                    presented = Base64.getDecoder().decode(entry.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                // Constant-time comparison, so timing does not tell a forger how much of a guess matched.
                if (MessageDigest.isEqual(expected, presented)) {
                    return Verdict.ok();
                }
            }
        }
        return Verdict.rejected("no v1 signature matches");
    }

    /** {@code v1,<base64 HMAC-SHA256>} of a delivery, as a sender puts it in {@code webhook-signature}. */
    static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(signature(secret, id, timestampSeconds, body));
    }

    private static byte[] signature(String secret, String id, long timestampSeconds, byte[] body) {
        String encodedKey = secret.strip();
        if (encodedKey.startsWith(SECRET_PREFIX)) {
            encodedKey = encodedKey.substring(SECRET_PREFIX.length());
        }
        byte[] key = Base64.getDecoder().decode(encodedKey);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static final Pattern TYPE = jsonField("type");
    private static final Pattern TITLE = jsonField("title");
    private static final Pattern CATALOG_URL = jsonField("catalogUrl");

    private static Pattern jsonField(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    }

    /** One log line per delivery; a few fields of the notification are shown, not the whole JSON. */
    static String describe(Verdict verdict, String id, String path, byte[] body) {
        StringBuilder line = new StringBuilder()
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(verdict.verified() ? " VERIFIED " : " REJECTED ")
                .append(path).append(" webhook-id=").append(id);
        if (body != null) {
            String json = new String(body, StandardCharsets.UTF_8);
            appendField(line, "type", TYPE, json);
            appendField(line, "title", TITLE, json);
            appendField(line, "catalogUrl", CATALOG_URL, json);
            line.append(" (").append(body.length).append(" bytes)");
        }
        if (!verdict.verified()) {
            line.append(" reason: ").append(verdict.reason());
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

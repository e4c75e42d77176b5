package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code up --demo}: a webhook receiver that verifies signatures, a webhook and an e-mail subscription to
 * initiatives involving Japan, and the shipped sample articles posted to ingest.
 */
final class Demo {

    static final String SEED_SAMPLE = "samples/thehill-2024-04-kishida-state-visit.txt";
    private static final String ADDRESS = "demo@accord.example";
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://[^\" ]*/api/email/confirm/[A-Za-z0-9_-]*");

    private final StackSettings settings;
    private final DevStackJars jars;
    private final ApiKey apiKey;
    private final Path dir;
    private final String alert;

    Demo(StackSettings settings, DevStackJars jars, ApiKey apiKey) {
        this.settings = settings;
        this.jars = jars;
        this.apiKey = apiKey;
        this.dir = settings.state().dir().resolve("demo");
        this.alert = "http://localhost:" + settings.ports().alert();
    }

    /** Runs the demo; answers the receiver log's size before it started, so a follower shows this run's lines only. */
    long run() throws IOException {
        Files.createDirectories(dir);
        int port = settings.ports().receiver();
        Probes.requireFreePort(port, "the demo webhook receiver", "Set ACCORD_DEMO_WEBHOOK_PORT to move it.");
        Out.step("Demo");
        Path log = settings.state().log(Component.RECEIVER);
        long from = Files.exists(log) ? Files.size(log) : 0;
        ComponentProcess.start(settings.state(), Component.RECEIVER, Map.of(), null, List.of(ComponentProcess.java(),
                "-Xmx64m", "-cp", jars.toolsClasspath(), "dev.accord.devstack.DemoWebhookReceiver", "--port",
                Integer.toString(port), "--secret-file", dir.resolve("webhook-secret").toString()));
        Probes.awaitReady(settings.state(), Component.RECEIVER, System.nanoTime() + settings.startTimeout().toNanos(),
                settings.startTimeout(), "listening", () -> Probes.httpOk("http://127.0.0.1:" + port + "/health"),
                Duration.ofSeconds(1));
        Out.say("    webhook receiver listening on http://127.0.0.1:" + port + "/webhook");
        if (!webhookSubscription()) {
            Out.warn("the demo subscription is missing; webhooks will not be shown");
        }
        if (settings.mailSink() && !emailSubscription()) {
            Out.warn("the demo e-mail subscription is missing; no alert mail will arrive");
        }
        postSamples();
        return from;
    }

    private boolean webhookSubscription() throws IOException {
        String hook = "http://127.0.0.1:" + settings.ports().receiver() + "/webhook";
        // Reuse an earlier run's subscription while alert-service still knows it, so runs do not pile them up.
        String[] saved = saved("subscription");
        Path secrets = dir.resolve("webhook-secret");
        if (saved != null && Files.exists(secrets) && Files.size(secrets) > 0
                && HttpCalls.get(alert + "/api/subscriptions/" + saved[0], saved[1]).status() == 200) {
            Out.say("    subscription: reusing demo subscription " + saved[0]);
            return true;
        }
        HttpCalls.Answer answer = HttpCalls.postJson(alert + "/api/subscriptions",
                "{\"name\":\"demo\",\"filter\":{\"topics\":[],\"countries\":[\"JP\"],\"orgs\":[],\"keywords\":[]},"
                        + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + hook + "\"}}");
        if (answer.status() != 201) {
            Out.warn("creating the demo subscription answered " + code(answer) + ": " + answer.body());
            return false;
        }
        String secret = JsonFields.field(answer.body(), "secret");
        if (!secret.startsWith("whsec_")) {
            Out.warn("the demo subscription came without a whsec_ secret: " + answer.body());
            return false;
        }
        String id = JsonFields.field(answer.body(), "id");
        PrivateFiles.write(dir.resolve("subscription"), "id=" + id + "\ntoken=" + JsonFields.field(answer.body(), "token") + "\n", false);
        // The receiver re-reads this file on every delivery; older secrets stay so that deliveries for an
        // earlier demo subscription still verify.
        PrivateFiles.write(secrets, secret + "\n", true);
        Out.say("    subscription: created demo subscription " + id + " (countries: JP) -> " + hook);
        return true;
    }

    /** An e-mail subscription, confirmed through the link of its confirmation mail, which arrives in the mail sink. */
    private boolean emailSubscription() throws IOException {
        int inbox = settings.ports().mailInbox();
        String[] saved = saved("email-subscription");
        if (saved != null && HttpCalls.get(alert + "/api/subscriptions/" + saved[0], saved[1]).body().contains("\"status\":\"active\"")) {
            Out.say("    subscription: reusing demo e-mail subscription " + saved[0] + " -> " + ADDRESS
                    + "; its mail: http://localhost:" + inbox + "/");
            return true;
        }
        HttpCalls.Answer answer = HttpCalls.postJson(alert + "/api/subscriptions", "{\"name\":\"demo e-mail\","
                + "\"filter\":{\"countries\":[\"JP\"]},\"channel\":{\"type\":\"email\",\"address\":\"" + ADDRESS + "\"}}");
        if (answer.status() != 201) {
            Out.warn("creating the demo e-mail subscription answered " + code(answer) + ": " + answer.body());
            return false;
        }
        String link = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (link == null && System.nanoTime() < deadline) {
            Matcher m = CONFIRM_LINK.matcher(HttpCalls.get("http://127.0.0.1:" + inbox + "/api/messages?to=" + ADDRESS, null).body());
            while (m.find()) {
                link = m.group();
            }
            if (link == null) {
                sleep(500);
            }
        }
        if (link == null) {
            Out.warn("no confirmation mail for " + ADDRESS + " arrived in the mail sink within 30 s");
            return false;
        }
        HttpCalls.Answer confirmed = HttpCalls.post(link);
        if (confirmed.status() < 200 || confirmed.status() > 299) {
            Out.warn("confirming " + ADDRESS + " answered " + code(confirmed));
            return false;
        }
        PrivateFiles.write(dir.resolve("email-subscription"), "id=" + JsonFields.field(answer.body(), "id") + "\ntoken="
                + JsonFields.field(answer.body(), "token") + "\n", false);
        Out.say("    subscription: created and confirmed demo e-mail subscription (countries: JP) -> " + ADDRESS);
        Out.say("    its mail: http://localhost:" + inbox + "/");
        return true;
    }

    private void postSamples() throws IOException {
        String ingest = "http://localhost:" + settings.ports().ingest() + "/api/articles";
        Path root = settings.root();
        List<String> files = new ArrayList<>();
        if (Files.exists(root.resolve(SEED_SAMPLE))) {
            files.add(SEED_SAMPLE);
        }
        for (String glob : List.of("*.txt", "*.html")) {
            List<String> matched = new ArrayList<>();
            try (DirectoryStream<Path> paths = Files.newDirectoryStream(root.resolve("samples"), glob)) {
                paths.forEach(p -> matched.add("samples/" + p.getFileName()));
            } catch (IOException e) {
                // No samples of that kind.
            }
            matched.stream().sorted().filter(f -> !f.equals(SEED_SAMPLE)).forEach(files::add);
        }
        if (files.isEmpty()) {
            Out.warn("no sample articles in samples/");
            return;
        }
        for (String file : files) {
            String type = file.endsWith(".html") ? "text/html" : "text/plain";
            HttpCalls.Answer answer = HttpCalls.postFile(ingest, root.resolve(file), type + "; charset=utf-8", apiKey.value());
            if (answer.status() != 202 && answer.status() != 200) {
                Out.warn("posting " + file + " answered " + code(answer) + ": " + answer.body());
                continue;
            }
            Out.say("    posted " + file + ": article " + JsonFields.field(answer.body(), "articleId") + ", duplicate="
                    + JsonFields.field(answer.body(), "duplicate") + ", " + JsonFields.count(answer.body(), "\"id\"")
                    + " initiative(s)");
        }
    }

    /** id and token of an earlier run's subscription, or null. */
    private String[] saved(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return null;
        }
        String id = "";
        String token = "";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("id=")) {
                id = line.substring(3);
            } else if (line.startsWith("token=")) {
                token = line.substring(6);
            }
        }
        return id.isEmpty() || token.isEmpty() ? null : new String[] {id, token};
    }

    private static String code(HttpCalls.Answer answer) {
        return answer.status() == 0 ? "000" : Integer.toString(answer.status());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

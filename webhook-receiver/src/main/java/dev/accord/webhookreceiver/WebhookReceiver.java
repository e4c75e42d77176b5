package dev.accord.webhookreceiver;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A subscriber's webhook endpoint: a real HTTP server that records every delivery it receives and answers with
 * a status it is told (204 by default), once or from now on, or holds its answers to play a slow endpoint. Told
 * the signing secrets, it checks each delivery's signature ({@link SignatureCheck}) and answers 401 to one that
 * does not verify. {@code GET /health} answers 200; any other request but a POST, 405.
 */
public final class WebhookReceiver implements AutoCloseable {

    // Larger bodies are refused unread: no notification comes near this.
    private static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * One delivery as received: lower-cased header names to their first value, the raw body, when it came (wall
     * clock and {@link System#nanoTime}), and the signature check's verdict (null when no secrets were given).
     */
    public record Received(String path, Map<String, String> headers, String body, Instant at, long nanos,
            SignatureCheck.Verdict verdict) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Verifies the delivery with the official Standard Webhooks library; throws if it does not verify. */
        public void verify(String secret) throws WebhookVerificationException {
            Map<String, List<String>> all = new HashMap<>();
            headers.forEach((k, v) -> all.put(k, List.of(v)));
            new Webhook(secret).verify(body, all);
        }

        /** Whether the receiver's own check passed; false when it had no secrets to check with. */
        public boolean verified() {
            return verdict != null && verdict.verified();
        }
    }

    /** An answer given once, ahead of the default status: a status and extra response headers. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final Queue<Answer> next = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Supplier<List<String>> secrets;
    private volatile Consumer<Received> listener = delivery -> { };

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        // One thread per request, so concurrent deliveries are seen as concurrent.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** A receiver on a free loopback port. */
    public static WebhookReceiver start() {
        return start("127.0.0.1", 0);
    }

    public static WebhookReceiver start(String bind, int port) {
        try {
            WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress(bind, port), 0));
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** From now on checks every delivery against these secrets (read again for each delivery; any may match). */
    public WebhookReceiver verifying(Supplier<List<String>> secrets) {
        this.secrets = secrets;
        return this;
    }

    public WebhookReceiver verifying(String secret) {
        return verifying(() -> List.of(secret));
    }

    /** Called with every delivery once it is recorded, before it is answered. */
    public WebhookReceiver onDelivery(Consumer<Received> listener) {
        this.listener = listener;
        return this;
    }

    /** The status the next requests are answered with. */
    public void respondWith(int httpStatus) {
        status.set(httpStatus);
    }

    /** Answers the next request (before the default status) with {@code httpStatus} and {@code headers}. */
    public void respondOnce(int httpStatus, Map<String, String> headers) {
        next.add(new Answer(httpStatus, Map.copyOf(headers)));
    }

    /** From now on requests are received but not answered until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers every held request and stops holding. */
    public void release() {
        gate.countDown();
    }

    /** Requests received and not answered yet. */
    public int inProgress() {
        return inProgress.get();
    }

    /** The most requests that were in progress at the same time. */
    public int maxInProgress() {
        return maxInProgress.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI().getPath())) {
                byte[] ok = "ok\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            int now = inProgress.incrementAndGet();
            maxInProgress.accumulateAndGet(now, Math::max);
            try {
                answer(exchange, record(exchange, body));
            } finally {
                inProgress.decrementAndGet();
            }
        }
    }

    private Received record(HttpExchange exchange, byte[] body) {
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        Supplier<List<String>> known = secrets;
        SignatureCheck.Verdict verdict = known == null ? null : SignatureCheck.verify(known.get(),
                headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"), body, at);
        Received delivery = new Received(exchange.getRequestURI().getPath(), headers,
                new String(body, StandardCharsets.UTF_8), at, nanos, verdict);
        received.add(delivery);
        listener.accept(delivery);
        return delivery;
    }

    private void answer(HttpExchange exchange, Received delivery) throws IOException {
        if (delivery.verdict() != null && !delivery.verified()) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        try {
            // A held receiver answers only once the test opens the gate: a slow endpoint.
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Answer answer = next.poll();
        if (answer != null) {
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        exchange.sendResponseHeaders(answer != null ? answer.status() : status.get(), -1);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}

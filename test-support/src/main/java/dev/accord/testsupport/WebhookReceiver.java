package dev.accord.testsupport;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on loopback that records every request it receives and answers with a
 * configurable status, to stand in for a subscriber's webhook receiver.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: lower-cased header names to their first value, the raw body, and when it came. */
    public record Received(String path, Map<String, String> headers, String body, java.time.Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** Verifies the request with the official Standard Webhooks library; throws if it does not verify. */
        public void verify(String secret) throws WebhookVerificationException {
            Map<String, List<String>> all = new java.util.HashMap<>();
            headers.forEach((k, v) -> all.put(k, List.of(v)));
            new Webhook(secret).verify(body, all);
        }

        /** The {@code initiative.id} of a notification about an initiative. */
        public String initiativeId() {
            try {
                return dev.accord.common.events.EventJson.mapper().readTree(body).path("initiative").path("id").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An answer given once, ahead of the default status: a status and extra response headers. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final java.util.Queue<Answer> next = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                int now = receiver.inProgress.incrementAndGet();
                receiver.maxInProgress.accumulateAndGet(now, Math::max);
                try {
                    Map<String, String> headers = new java.util.HashMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    receiver.received.add(new Received(exchange.getRequestURI().getPath(), headers, body,
                            java.time.Instant.now()));
                    // A held receiver answers only once the test opens the gate: a slow endpoint.
                    receiver.gate.await();
                    Answer answer = receiver.next.poll();
                    if (answer != null) {
                        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    }
                    exchange.sendResponseHeaders(answer != null ? answer.status() : receiver.status.get(), -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    receiver.inProgress.decrementAndGet();
                    exchange.close();
                }
            });
            // One thread per request, so concurrent deliveries are seen as concurrent.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
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
        gate = new java.util.concurrent.CountDownLatch(1);
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

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

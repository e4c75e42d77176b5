package dev.accord.bench.harness;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subscriber's webhook endpoint on loopback: verifies every delivery with the Standard Webhooks
 * library, notes when it arrived and which ids its body names, and answers 204 (400 when the
 * signature does not verify, which alert-service would retry).
 */
final class WebhookSink implements AutoCloseable {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One verified delivery: when it arrived (System.nanoTime) and the ids in its body. */
    record Receipt(long atNanos, List<String> ids) {
    }

    private final HttpServer server;
    private volatile Webhook verifier;
    final ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicLong lastReceiptNanos = new AtomicLong();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        verifier = new Webhook(secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            int status = 204;
            try {
                verifier.verify(body, headers);
                List<String> ids = new ArrayList<>();
                Matcher matcher = UUID.matcher(body);
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
                receipts.add(new Receipt(at, ids));
                lastReceiptNanos.accumulateAndGet(at, Math::max);
            } catch (Exception e) {
                rejected.incrementAndGet();
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.accord.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback that serves fixture feeds and article pages the way a publisher's
 * server would — with ETag and Last-Modified, answering 304 to a conditional GET that presents them —
 * or answers with whatever status a test sets, and records every request it receives.
 */
public final class FixtureHttpServer implements AutoCloseable {

    /** A request as received: its path and its headers (lower-cased names, first values). */
    public record Request(String path, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer: status, headers and body (null for none). */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
    }

    private static final Reply NOT_FOUND = new Reply(404, Map.of("Content-Type", "text/plain"), "not found".getBytes(StandardCharsets.UTF_8));
    private static final String LAST_MODIFIED = "Wed, 31 Jan 2018 20:15:15 GMT";
    /** Absolute URLs in element text, CDATA or href attributes; namespace declarations are left alone. */
    private static final Pattern URL_IN_CONTENT = Pattern.compile("(>|<!\\[CDATA\\[|href=[\"'])\\s*https?://");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    private FixtureHttpServer(HttpServer server) {
        this.server = server;
    }

    public static FixtureHttpServer start() {
        try {
            FixtureHttpServer fixture = new FixtureHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            fixture.server.createContext("/", fixture::handle);
            fixture.server.setExecutor(fixture.executor);
            fixture.server.start();
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
    }

    /** Serves a document with an ETag (returned) and a Last-Modified; a request presenting either gets 304. */
    public String document(String path, byte[] body, String contentType) {
        String etag = "\"" + sha256(body).substring(0, 16) + "\"";
        route(path, request -> {
            if (etag.equals(request.header("If-None-Match")) || LAST_MODIFIED.equals(request.header("If-Modified-Since"))) {
                return new Reply(304, Map.of("ETag", etag), null);
            }
            return new Reply(200, Map.of("Content-Type", contentType, "ETag", etag, "Last-Modified", LAST_MODIFIED), body);
        });
        return etag;
    }

    /** Answers every request for {@code path} with {@code status} and {@code headers}, without a body. */
    public void status(String path, int status, Map<String, String> headers) {
        route(path, request -> new Reply(status, headers, null));
    }

    /** Each answer waits this long first, so that concurrent pollers really overlap. */
    public void delayAnswers(Duration delay) {
        this.delay = delay;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requestsUnder(String prefix) {
        return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    /**
     * A fixture feed whose entry links point at this server ({@code /ext/<host>/<path>}) instead of the
     * publisher's, so that tests never reach out to the internet. Bytes are rewritten through
     * ISO-8859-1, which maps each byte to one char, so the feed's own encoding is kept whatever it is.
     */
    public byte[] localised(byte[] feed) {
        String latin1 = new String(feed, StandardCharsets.ISO_8859_1);
        Matcher m = URL_IN_CONTENT.matcher(latin1);
        String rewritten = m.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + url("/ext/")));
        return rewritten.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            Request request = new Request(exchange.getRequestURI().getRawPath(), headers);
            requests.add(request);
            exchange.getRequestBody().readAllBytes();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Reply reply = routes.getOrDefault(request.path(), r -> NOT_FOUND).apply(request);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean hasBody = reply.body() != null && reply.status() != 304;
            exchange.sendResponseHeaders(reply.status(), hasBody ? reply.body().length : -1);
            if (hasBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.accord.common.net;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Outbound HTTP that connects to the address {@link AddressGuard#checkedAddress} checked, never to a second lookup
 * of the name: the request still names the host (Host header, TLS server name and certificate check), but the
 * socket goes where the check said. One request per call, no redirects followed (callers check each hop), the
 * body read up to a cap. Blocking: call it from a worker thread, never from an event loop.
 */
public final class PinnedHttp {

    /** A response: status, headers by lower-cased name, and the body up to the cap ({@code truncated} past it). */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private final HttpClient client;

    /** A client that opens a connection per request. */
    public PinnedHttp(Vertx vertx, Duration connectTimeout) {
        this(vertx, connectTimeout, Duration.ZERO);
    }

    /**
     * A client that keeps a connection open for {@code keepAlive} after its last request (zero: closes it at once)
     * and reuses it for the next request to the same address, port and host name. Connections are pooled by the
     * address connected to, so a kept connection never serves a request pinned elsewhere.
     */
    public PinnedHttp(Vertx vertx, Duration connectTimeout, Duration keepAlive) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                // The certificate must name the host the URL names, and the server learns that name through SNI.
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(!keepAlive.isZero());
        if (!keepAlive.isZero()) {
            options.setKeepAliveTimeout((int) Math.max(1, keepAlive.toSeconds()));
        }
        this.client = vertx.createHttpClient(options);
    }

    /**
     * Sends one request to {@code address}, naming {@code uri}'s host. Reads at most {@code maxBodyBytes} of the
     * body (0 reads none); an I/O failure or the timeout is an {@link IOException}.
     */
    public Response send(String method, URI uri, InetAddress address, Map<String, String> headers, byte[] body,
            Duration timeout, int maxBodyBytes) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost(host).setPort(port)
                .setSsl(https).setURI(target).setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        CompletableFuture<Response> result = new CompletableFuture<>();
        client.request(options).onFailure(result::completeExceptionally).onSuccess(request -> {
            request.response().onFailure(result::completeExceptionally).onSuccess(response -> read(response, maxBodyBytes, result));
            request.end(body == null ? Buffer.buffer() : Buffer.buffer(body)).onFailure(result::completeExceptionally);
        });
        try {
            // The request's own timeout ends it first; this bound only guards against a response that never ends.
            return result.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException("no complete response within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void read(HttpClientResponse response, int maxBodyBytes, CompletableFuture<Response> result) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(h.getValue()));
        Buffer received = Buffer.buffer();
        response.exceptionHandler(result::completeExceptionally);
        response.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            int room = maxBodyBytes - received.length();
            if (chunk.length() > room) {
                received.appendBuffer(chunk, 0, Math.max(0, room));
                result.complete(new Response(response.statusCode(), headers, received.getBytes(), true));
                // Nothing more is wanted: close the connection rather than read the rest.
                response.request().connection().close();
                return;
            }
            received.appendBuffer(chunk);
        });
        response.endHandler(done -> result.complete(new Response(response.statusCode(), headers, received.getBytes(), false)));
    }
}

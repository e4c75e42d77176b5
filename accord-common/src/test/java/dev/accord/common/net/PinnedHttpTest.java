package dev.accord.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The address checked is the address connected to: a name that rebinds after the check cannot turn a request inward. */
class PinnedHttpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    // TEST-NET-3 (RFC 5737): public as far as the guard is concerned, and nothing answers there.
    private static final String PUBLIC = "203.0.113.7";

    private Vertx vertx;
    private HttpServer internal;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "internal secrets".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stop() {
        internal.stop(0);
        vertx.close();
    }

    @Test
    void aNameThatAnswersPublicThenLoopbackIsConnectedToAtTheCheckedPublicAddress() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard guard = new AddressGuard(List.of(), host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? PUBLIC : "127.0.0.1")});
        URI uri = URI.create("http://rebind.example:" + internal.getAddress().getPort() + "/hook");

        InetAddress address = guard.checkedAddress(uri);
        // A second lookup would now say loopback; the client never makes one.
        assertThatThrownBy(() -> guard.checkedAddress(URI.create("http://rebind.example/"))).isInstanceOf(AddressGuard.BlockedAddressException.class);

        assertThat(address.getHostAddress()).isEqualTo(PUBLIC);
        assertThatThrownBy(() -> new PinnedHttp(vertx, Duration.ofMillis(500)).send("GET", uri, address, Map.of(), null,
                TIMEOUT, 1024)).isInstanceOf(IOException.class);
        assertThat(hostHeaders).as("requests that reached the loopback server").isEmpty();
    }

    @Test
    void theRequestGoesToTheGivenAddressNamingTheHostAndItsBodyIsCapped() throws Exception {
        URI uri = URI.create("http://pinned.example:" + internal.getAddress().getPort() + "/page?q=1");
        PinnedHttp http = new PinnedHttp(vertx, TIMEOUT);

        PinnedHttp.Response whole = http.send("GET", uri, InetAddress.getLoopbackAddress(), Map.of("Accept", "text/html"),
                null, TIMEOUT, 1024);
        PinnedHttp.Response capped = http.send("GET", uri, InetAddress.getLoopbackAddress(), Map.of(), null, TIMEOUT, 8);

        assertThat(whole.status()).isEqualTo(200);
        assertThat(new String(whole.body(), StandardCharsets.UTF_8)).isEqualTo("internal secrets");
        assertThat(whole.truncated()).isFalse();
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.body()).hasSize(8);
        assertThat(hostHeaders).first().asString().startsWith("pinned.example");
    }

    @Test
    void aKeptConnectionServesTheNextRequestToTheSameAddressOnly() throws Exception {
        int port = internal.getAddress().getPort();
        InetAddress other = InetAddress.getByName("127.0.0.2");
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer second = HttpServer.create(new InetSocketAddress(other, port), 0);
        second.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            elsewhere.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        second.start();
        try {
            URI uri = URI.create("http://pinned.example:" + port + "/hook");
            PinnedHttp http = new PinnedHttp(vertx, TIMEOUT, Duration.ofSeconds(5));

            for (int i = 0; i < 10; i++) {
                assertThat(http.send("POST", uri, InetAddress.getLoopbackAddress(), Map.of(), new byte[] {(byte) i}, TIMEOUT,
                        1024).status()).isEqualTo(200);
            }
            assertThat(http.send("POST", uri, other, Map.of(), new byte[] {3}, TIMEOUT, 0).status()).isEqualTo(204);

            // A connection goes back to the pool just after its response ends, so a request sent at once may open
            // another; later ones reuse what is there.
            assertThat(clientPorts).hasSize(10);
            assertThat(clientPorts.stream().distinct().count()).as("connections for 10 requests to the loopback address")
                    .isLessThanOrEqualTo(3);
            assertThat(elsewhere).as("the request pinned to the other address reached it").hasSize(1);
        } finally {
            second.stop(0);
        }
    }
}

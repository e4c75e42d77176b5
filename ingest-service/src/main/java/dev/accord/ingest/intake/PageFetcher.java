package dev.accord.ingest.intake;

import dev.accord.common.net.AddressGuard;
import dev.accord.common.net.PinnedHttp;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.config.IngestConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Fetches an article page by URL. Redirects are followed by hand so that every hop passes the address guard, each
 * hop connects to the address the guard checked (no second lookup a rebinding name could answer differently), and
 * the body is read only up to the configured cap.
 */
@ApplicationScoped
public class PageFetcher {

    private static final Map<String, String> HEADERS = Map.of("Accept", "text/html,application/xhtml+xml");

    private final IngestConfig.Fetch config;
    private final AddressGuard guard;
    private final PinnedHttp http;

    public PageFetcher(IngestConfig config, Vertx vertx) {
        this.config = config.fetch();
        this.guard = new AddressGuard(this.config.allowedHosts().orElse(List.of()));
        this.http = new PinnedHttp(vertx, this.config.timeout());
    }

    /** The page's HTML and its final URL. */
    public record Page(URI url, String html) {
    }

    public Page fetch(String url) {
        URI current = parse(url);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            PinnedHttp.Response response = send(current, checkedAddress(current));
            int status = response.status();
            if (status >= 300 && status < 400) {
                String location = response.header("location")
                        .orElseThrow(() -> unfetchable("redirect without Location from " + url));
                current = current.resolve(location);
                continue;
            }
            if (status != 200) {
                throw unfetchable("the page answered HTTP " + status);
            }
            if (response.truncated()) {
                throw new ProblemException(413, "Page too large", "The page is larger than " + config.maxBytes() + " bytes.");
            }
            return new Page(current, BodyDecoder.decode(response.body(), response.header("content-type").orElse(null),
                    BodyDecoder.Declaration.HTML));
        }
        throw unfetchable("more than " + config.maxRedirects() + " redirects");
    }

    private InetAddress checkedAddress(URI uri) {
        try {
            return guard.checkedAddress(uri);
        } catch (AddressGuard.BlockedAddressException e) {
            throw new ProblemException(400, "URL not allowed", e.getMessage(), Map.of("parameter", "url"));
        }
    }

    private PinnedHttp.Response send(URI uri, InetAddress address) {
        try {
            return http.send("GET", uri, address, HEADERS, null, config.timeout(), config.maxBytes());
        } catch (IOException e) {
            throw unfetchable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static URI parse(String url) {
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("url", "Not a valid URL.");
        }
    }

    private static ProblemException unfetchable(String why) {
        return new ProblemException(422, "Page could not be fetched", why, Map.of("parameter", "url"));
    }
}

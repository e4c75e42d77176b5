package dev.accord.ingest.intake;

import dev.accord.common.net.AddressGuard;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Fetches an article page by URL. Redirects are followed by hand so that every hop passes the
 * address guard, and the body is read only up to the configured cap.
 */
@ApplicationScoped
public class PageFetcher {

    private final IngestConfig.Fetch config;
    private final AddressGuard guard;
    private final HttpClient client;

    public PageFetcher(IngestConfig config) {
        this.config = config.fetch();
        this.guard = new AddressGuard(this.config.allowedHosts().orElse(List.of()));
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.timeout()).build();
    }

    /** The page's HTML and its final URL. */
    public record Page(URI url, String html) {
    }

    public Page fetch(String url) {
        URI current = parse(url);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            checkAddress(current);
            HttpResponse<InputStream> response = send(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("location")
                        .orElseThrow(() -> unfetchable("redirect without Location from " + url));
                close(response);
                current = current.resolve(location);
                continue;
            }
            if (status != 200) {
                close(response);
                throw unfetchable("the page answered HTTP " + status);
            }
            return new Page(current, read(response));
        }
        throw unfetchable("more than " + config.maxRedirects() + " redirects");
    }

    private void checkAddress(URI uri) {
        try {
            guard.check(uri);
        } catch (AddressGuard.BlockedAddressException e) {
            throw new ProblemException(400, "URL not allowed", e.getMessage(), Map.of("parameter", "url"));
        }
    }

    private HttpResponse<InputStream> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "text/html,application/xhtml+xml").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unfetchable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unfetchable("interrupted");
        }
    }

    private String read(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(config.maxBytes() + 1);
            if (bytes.length > config.maxBytes()) {
                throw new ProblemException(413, "Page too large", "The page is larger than " + config.maxBytes() + " bytes.");
            }
            return BodyDecoder.decode(bytes, response.headers().firstValue("content-type").orElse(null),
                    BodyDecoder.Declaration.HTML);
        } catch (IOException e) {
            throw unfetchable(e.getMessage());
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Nothing more to read from a response we are discarding.
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

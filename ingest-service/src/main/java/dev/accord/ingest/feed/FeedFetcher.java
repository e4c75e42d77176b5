package dev.accord.ingest.feed;

import dev.accord.common.net.AddressGuard;
import dev.accord.common.net.PinnedHttp;
import dev.accord.ingest.config.IngestConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a feed with a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}).
 * Redirects are followed by hand so that every hop passes the address guard, each hop connects to the address
 * the guard checked, and the body is read only up to the configured cap (after decompression, so a small gzip
 * bomb is refused too).
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    private static final String USER_AGENT = "Accord-Feed-Poller/1.0";

    private final IngestConfig.Fetch fetch;
    private final int maxBytes;
    private final AddressGuard guard;
    private final PinnedHttp http;

    public FeedFetcher(IngestConfig config, Vertx vertx) {
        this.fetch = config.fetch();
        this.maxBytes = config.feeds().maxBytes();
        this.guard = new AddressGuard(fetch.allowedHosts().orElse(List.of()));
        this.http = new PinnedHttp(vertx, fetch.timeout());
    }

    public FetchedFeed fetch(String url, String etag, String lastModified) throws FeedFetchException {
        URI current = parse(url);
        for (int hop = 0; hop <= fetch.maxRedirects(); hop++) {
            PinnedHttp.Response response = send(current, checkedAddress(current), etag, lastModified);
            int status = response.status();
            if (status == 304) {
                return new FetchedFeed(304, current, null, null, etag, lastModified);
            }
            if (status >= 300 && status < 400) {
                String location = response.header("location")
                        .orElseThrow(() -> new FeedFetchException("HTTP " + status + " redirect without a Location", status, null));
                current = resolve(current, location);
                continue;
            }
            if (status == 429 || status == 503) {
                Duration wait = response.header("retry-after").flatMap(v -> retryAfter(v, Instant.now())).orElse(null);
                throw new FeedFetchException("HTTP " + status + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + "s"),
                        status, wait);
            }
            if (status != 200) {
                throw new FeedFetchException("HTTP " + status, status, null);
            }
            return new FetchedFeed(200, current, read(response), response.header("content-type").orElse(null),
                    response.header("etag").orElse(null), response.header("last-modified").orElse(null));
        }
        throw new FeedFetchException("more than " + fetch.maxRedirects() + " redirects");
    }

    /**
     * A {@code Retry-After} value: delta-seconds or an HTTP date. Unreadable or past values give
     * nothing, so the usual back-off applies.
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            // not delta-seconds; an HTTP date then
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Optional.empty() : Optional.of(until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private InetAddress checkedAddress(URI uri) throws FeedFetchException {
        try {
            return guard.checkedAddress(uri);
        } catch (AddressGuard.BlockedAddressException e) {
            throw new FeedFetchException("URL not allowed: " + e.getMessage());
        }
    }

    private PinnedHttp.Response send(URI uri, InetAddress address, String etag, String lastModified)
            throws FeedFetchException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ACCEPT);
        headers.put("Accept-Encoding", "gzip");
        headers.put("User-Agent", USER_AGENT);
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        try {
            return http.send("GET", uri, address, headers, null, fetch.timeout(), maxBytes);
        } catch (IOException e) {
            throw new FeedFetchException("could not connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The body within the cap, which holds after decompression too, so a small gzip bomb is refused. */
    private byte[] read(PinnedHttp.Response response) throws FeedFetchException {
        if (response.truncated()) {
            throw new FeedFetchException("the feed is larger than " + maxBytes + " bytes", 200, null);
        }
        boolean gzip = response.header("content-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        if (!gzip) {
            return response.body();
        }
        try (InputStream body = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new FeedFetchException("the feed is larger than " + maxBytes + " bytes", 200, null);
            }
            return bytes;
        } catch (IOException e) {
            throw new FeedFetchException("could not read the feed: " + e.getMessage(), 200, null);
        }
    }

    private static URI parse(String url) throws FeedFetchException {
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new FeedFetchException("not a valid URL");
        }
    }

    private static URI resolve(URI base, String location) throws FeedFetchException {
        try {
            return base.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FeedFetchException("redirect to an invalid URL: " + location);
        }
    }
}

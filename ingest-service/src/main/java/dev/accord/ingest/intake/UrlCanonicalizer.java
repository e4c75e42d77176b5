package dev.accord.ingest.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The canonical form of an article URL, so that links differing only by tracking parameters,
 * fragment, case of the host, default port or a redirect wrapper identify the same article.
 */
public final class UrlCanonicalizer {

    private static final Pattern TRACKING = Pattern.compile(
            "(?i)^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|cmp|ref|ref_src|src|smid|igshid|yclid)$");
    private static final Set<String> REDIRECT_WRAPPERS = Set.of("www.google.com", "google.com", "news.google.com");

    private UrlCanonicalizer() {
    }

    public static String canonical(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return url.strip();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return url.strip();
        }
        Optional<String> wrapped = unwrap(uri);
        if (wrapped.isPresent()) {
            return canonical(wrapped.get());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !TRACKING.matcher(p.split("=", 2)[0]).matches())
                .sorted().collect(Collectors.joining("&"));
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The URL inside a redirect wrapper (Google Alerts links), or the URL unchanged: the link to fetch,
     * without the rewriting {@link #canonical} does to compare links.
     */
    public static String unwrapRedirect(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getHost() == null ? url : unwrap(uri).map(UrlCanonicalizer::unwrapRedirect).orElse(url);
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** Google's {@code /url?url=…} (or {@code q=}) links wrap the real article URL. */
    private static Optional<String> unwrap(URI uri) {
        if (!REDIRECT_WRAPPERS.contains(uri.getHost().toLowerCase(Locale.ROOT)) || !"/url".equals(uri.getPath())
                || uri.getRawQuery() == null) {
            return Optional.empty();
        }
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2)).filter(p -> p.length == 2 && (p[0].equals("url") || p[0].equals("q")))
                .map(p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8))
                .filter(u -> u.startsWith("http")).findFirst();
    }
}

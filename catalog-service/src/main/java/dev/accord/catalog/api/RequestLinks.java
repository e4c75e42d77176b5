package dev.accord.catalog.api;

import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Absolute links to variants of the current request (the same query with another cursor or format),
 * built on the public URL, so links in feeds and Link headers resolve for the client even behind a
 * proxy. Values are re-encoded from their decoded form: nothing a client sent is copied raw.
 */
@ApplicationScoped
public class RequestLinks {

    private final CatalogConfig config;

    public RequestLinks(CatalogConfig config) {
        this.config = config;
    }

    /** The request's URL with the given parameters replaced (a null value removes the parameter). */
    public String with(UriInfo request, Map<String, String> replacements) {
        // Read from the raw query, not the parameter map, to keep the client's order of parameters.
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = request.getRequestUri().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.computeIfAbsent(decode(nameAndValue[0]), n -> new ArrayList<>())
                        .add(nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        replacements.forEach((name, value) -> {
            if (value == null) {
                parameters.remove(name);
            } else {
                parameters.put(name, List.of(value));
            }
        });
        StringBuilder url = new StringBuilder(config.publicUrl().replaceAll("/+$", ""))
                .append(request.getAbsolutePath().getRawPath());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape was already accepted by the server's own decoding; keep it as sent.
            return value;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

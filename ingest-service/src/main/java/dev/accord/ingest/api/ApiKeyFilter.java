package dev.accord.ingest.api;

import dev.accord.common.web.ProblemException;
import dev.accord.ingest.config.IngestConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes to the ingest API need {@code Authorization: Bearer <api key>}, and so does every request about feeds (a
 * feed list is an operator's private data); reading articles is open.
 */
public class ApiKeyFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String BEARER = "Bearer ";

    private final byte[] apiKey;

    public ApiKeyFilter(IngestConfig config) {
        this.apiKey = config.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter
    public void requireKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean needsKey = path.startsWith("/api/") && WRITES.contains(request.getMethod())
                || path.equals("/api/feeds") || path.startsWith("/api/feeds/");
        if (!needsKey) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("This write needs an 'Authorization: Bearer <api key>' header.");
        }
        byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison, so response timing does not reveal how much of the key matched.
        if (!MessageDigest.isEqual(presented, apiKey)) {
            throw ProblemException.unauthorized("The API key is not valid.");
        }
    }
}

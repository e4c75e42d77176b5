package dev.accord.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses a request whose Content-Type header cannot be parsed, before resource matching: Quarkus
 * REST would otherwise fail with an IllegalArgumentException while choosing between methods that
 * consume different types, and answer 500.
 */
@Provider
@PreMatching
public class ContentTypeCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (String value : request.getHeaders().getOrDefault(HttpHeaders.CONTENT_TYPE, List.of())) {
            try {
                MediaType.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "Malformed Content-Type", "The Content-Type header is not a media type.");
            }
        }
    }
}

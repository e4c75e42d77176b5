package dev.accord.catalog.api;

import dev.accord.common.web.Problem;
import dev.accord.common.web.ProblemException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the framework itself finds no acceptable representation (an Accept it cannot parse, or one that
 * excludes everything with q=0), the 406 problem still lists what the endpoint offers, as the list
 * endpoints' own negotiation does.
 */
@Provider
public class NotAcceptableMapper implements ExceptionMapper<NotAcceptableException> {

    private static final Set<String> LISTS = Set.of("/api/initiatives", "/api/articles");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(NotAcceptableException error) {
        String path = uriInfo.getPath().replaceAll("/+$", "");
        List<String> offered = LISTS.contains(path) ? ListFormat.mediaTypes() : List.of(MediaType.APPLICATION_JSON);
        ProblemException problem = new ProblemException(406, "Not Acceptable",
                "This resource is available as " + String.join(", ", offered) + ".", Map.of("allowed", offered));
        return Response.status(406).type(Problem.MEDIA_TYPE).entity(new Problem(URI.create("about:blank"), problem.title(),
                406, problem.getMessage(), uriInfo.getRequestUri().getRawPath(), problem.extensions())).build();
    }
}

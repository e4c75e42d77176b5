package dev.accord.catalog.api;

import dev.accord.common.web.Page;
import dev.accord.common.web.Cursor;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.Stage;
import dev.accord.catalog.domain.StageChange;
import dev.accord.catalog.service.CatalogQueries;
import dev.accord.catalog.service.InitiativeFilter;
import dev.accord.common.web.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The initiative catalog: filtered, cursor-paged lists and single entries with their mentions. */
@Path("/api/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Initiatives")
public class InitiativeResource {

    private final CatalogQueries queries;
    private final Paging paging;
    private final ViewMapper views;

    public InitiativeResource(CatalogQueries queries, Paging paging, ViewMapper views) {
        this.queries = queries;
        this.paging = paging;
        this.views = views;
    }

    @GET
    @Operation(summary = "List catalog entries, newest first")
    public Page<InitiativeView> list(@Parameter(description = "Taxonomy topic, e.g. defense") @QueryParam("topic") String topic,
            @Parameter(description = "ISO 3166-1 alpha-2 code, e.g. JP") @QueryParam("country") String country,
            @Parameter(description = "Organisation name, e.g. NASA") @QueryParam("org") String org,
            @Parameter(description = "Lifecycle stage") @QueryParam("stage") String stage,
            @Parameter(description = "First seen at or after (ISO-8601 instant)") @QueryParam("from") String from,
            @Parameter(description = "First seen before (ISO-8601 instant)") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (stage != null && Stage.parse(stage).isEmpty()) {
            throw new ProblemException(400, "Invalid parameter", "Unknown stage '" + stage + "'.",
                    Map.of("parameter", "stage", "allowed", Stage.allowed()));
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw ProblemException.badParameter("country", "country must be an ISO 3166-1 alpha-2 code such as JP.");
        }
        int pageSize = paging.limit(limit);
        InitiativeFilter filter = new InitiativeFilter(blankToNull(topic), country, blankToNull(org), stage,
                instant("from", from), instant("to", to));
        return paging.page(queries.initiatives(filter, paging.cursor(cursor), pageSize), pageSize,
                (Initiative i) -> i.firstSeenAt, i -> i.id, views::summary);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One catalog entry with every article's mention of it and its stage history")
    public InitiativeView get(@PathParam("id") String id) {
        UUID uuid = Ids.parse(id);
        Initiative entry = queries.initiative(uuid)
                .orElseThrow(() -> ProblemException.notFound("No initiative " + uuid + " in the catalog."));
        return views.detail(entry, Mention.of(uuid), StageChange.of(uuid));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, name + " must be an ISO-8601 instant such as 2024-04-10T00:00:00Z.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package dev.accord.alert.preview;

import dev.accord.alert.api.StrictJsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/subscriptions/preview}: try a filter on the catalog's recent entries before subscribing with it. */
@Path("/api/subscriptions/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class PreviewResource {

    private final SubscriptionPreview preview;
    private final StrictJsonReader json;

    public PreviewResource(SubscriptionPreview preview, StrictJsonReader json) {
        this.preview = preview;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The catalog entries a filter would have matched over the last days (default 30), newest first")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PreviewRequest.class)))
    @APIResponse(responseCode = "200", description = "Counts and up to 100 matching entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, query, days or unknown field; problem+json")
    @APIResponse(responseCode = "429", description = "Rate limited; see Retry-After")
    @APIResponse(responseCode = "503", description = "The catalog could not be read")
    public PreviewResult preview(String body) {
        return preview.preview(json.read(body, PreviewRequest.class, "Invalid preview"), Instant.now());
    }
}

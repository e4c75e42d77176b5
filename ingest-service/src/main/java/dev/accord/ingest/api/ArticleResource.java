package dev.accord.ingest.api;

import dev.accord.common.web.ProblemException;
import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.intake.ArticleIntake;
import dev.accord.ingest.intake.IngestResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Article intake. Every variant answers 202 only once the article's events are acknowledged by
 * Kafka, so a client that got 202 knows nothing will be lost.
 */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The ingest API key (ACCORD_INGEST_API_KEY)")
@SecurityRequirement(name = "apiKey")
public class ArticleResource {

    private final ArticleIntake intake;

    public ArticleResource(ArticleIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an article as JSON: its HTML, its text, or only its URL to fetch")
    @APIResponse(responseCode = "202", description = "The article and its initiatives are on Kafka")
    @APIResponse(responseCode = "400", description = "Empty or malformed article")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    public Response submit(@Valid ArticleSubmission submission) {
        if (submission == null) {
            throw ProblemException.badRequest("The request body is empty.");
        }
        return accepted(intake.ingest(new ArticleDraft(submission.url(), submission.title(), submission.source(),
                submission.publishedAt(), submission.html(), submission.text())));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Submit an article as plain text (e.g. pasted from a page)")
    public Response submitText(String body, @Parameter(description = "The article's URL, if known") @QueryParam("url") String url,
            @QueryParam("title") String title, @QueryParam("source") String source,
            @QueryParam("publishedAt") Instant publishedAt) {
        return accepted(intake.ingest(new ArticleDraft(url, title, source, publishedAt, null, requireText(body))));
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Submit an article as the HTML of its page")
    public Response submitHtml(String body, @QueryParam("url") String url, @QueryParam("title") String title,
            @QueryParam("source") String source, @QueryParam("publishedAt") Instant publishedAt) {
        return accepted(intake.ingest(new ArticleDraft(url, title, source, publishedAt, requireText(body), null)));
    }

    private static Response accepted(IngestResult result) {
        return Response.accepted(result).build();
    }

    /** Rejects bodies that are empty or are not text at all (NUL bytes, undecodable bytes). */
    private static String requireText(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The request body is empty.");
        }
        if (body.indexOf('\0') >= 0 || body.indexOf('\uFFFD') >= 0) {
            throw ProblemException.badRequest("The request body is not UTF-8 text.");
        }
        return body;
    }
}

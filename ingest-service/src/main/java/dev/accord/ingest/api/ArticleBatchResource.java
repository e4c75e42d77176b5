package dev.accord.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.accord.common.events.EventJson;
import dev.accord.common.web.Problem;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.intake.ArticleIntake;
import dev.accord.ingest.intake.IngestResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk intake: NDJSON in, one result line per input line, in order. Each line succeeds or fails on
 * its own (its own status and problem), so one bad line never costs the others.
 */
@Path("/api")
@Tag(name = "Articles")
@SecurityRequirement(name = "apiKey")
public class ArticleBatchResource {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleIntake intake;

    public ArticleBatchResource(ArticleIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("{operation: articles:batch}")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Submit many articles, one JSON submission per line")
    @APIResponse(responseCode = "200", description = "One result line per input line, each with its own status")
    public String submitBatch(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The request body is empty.");
        }
        StringBuilder out = new StringBuilder();
        String[] lines = body.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.append(EventJson.write(submitLine(i + 1, lines[i]))).append('\n');
            }
        }
        return out.toString();
    }

    private BatchLineResult submitLine(int line, String json) {
        try {
            ArticleSubmission submission = EventJson.mapper().readValue(json, ArticleSubmission.class);
            if (submission == null) {
                return failed(line, 400, "Bad Request", "The line holds no submission.");
            }
            IngestResult result = intake.ingest(new ArticleDraft(submission.url(), submission.title(), submission.source(),
                    submission.publishedAt(), submission.html(), submission.text()));
            return new BatchLineResult(line, 202, result, null);
        } catch (JsonProcessingException e) {
            return failed(line, 400, "Malformed JSON", e.getOriginalMessage());
        } catch (ProblemException e) {
            return failed(line, e.status(), e.title(), e.getMessage());
        }
    }

    private static BatchLineResult failed(int line, int status, String title, String detail) {
        return new BatchLineResult(line, status, null,
                new Problem(URI.create("about:blank"), title, status, detail, "/api/articles:batch#line=" + line, Map.of()));
    }

}

package dev.accord.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import dev.accord.common.db.TemporaryFailures;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one place where every service turns a failure into RFC 9457 {@code application/problem+json}.
 * Unexpected errors are logged with their cause and answered without internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private static final String RETRY_AFTER_SECONDS = "5";
    /** PostgreSQL's character_not_in_repertoire: invalid byte sequence for the encoding (e.g. 0x00). */
    private static final String SQL_TEXT_NOT_STORABLE = "22021";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        return respond(error, uriInfo);
    }

    static Response respond(Throwable error, UriInfo uriInfo) {
        String path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem;
        Response.ResponseBuilder builder;
        if (error instanceof ProblemException p) {
            problem = problem(p.status(), p.title(), p.getMessage(), p.extensions(), path);
            builder = Response.status(p.status());
            if (p.status() == 401) {
                builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            if (p.status() == 503) {
                // The failure is temporary (Kafka or the database is away); tell clients when to retry.
                builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
        } else if (error instanceof WebApplicationException w) {
            Response original = w.getResponse();
            int status = original.getStatus();
            problem = problem(status, original.getStatusInfo().getReasonPhrase(), detailOf(w, status), Map.of(), path);
            builder = Response.fromResponse(original).entity(null);
        } else if (error instanceof JsonProcessingException j) {
            problem = problem(400, "Malformed JSON", j.getOriginalMessage(), Map.of(), path);
            builder = Response.status(400);
        } else if (error instanceof java.io.IOException) {
            // Resources wrap their own I/O failures in ProblemException; a bare IOException here is the
            // request body that could not be read (broken chunked framing, a client that hung up).
            LOG.debugf("Unreadable request body for %s: %s", path, error.getMessage());
            problem = problem(400, "Unreadable request body", "The request body could not be read.", Map.of(), path);
            builder = Response.status(400);
        } else if (sqlState(error).startsWith(SQL_TEXT_NOT_STORABLE)) {
            // PostgreSQL refuses text it cannot store (a NUL character, bytes that are not UTF-8): a
            // property of the input, so the client's fault, whichever field carried it.
            LOG.debugf("Input text not storable for %s: %s", path, error.getMessage());
            problem = problem(400, "Invalid characters", "The request holds characters that cannot be stored "
                    + "(e.g. NUL).", Map.of(), path);
            builder = Response.status(400);
        } else if (error instanceof jakarta.validation.ConstraintViolationException v) {
            problem = problem(400, "Validation failed", v.getConstraintViolations().stream()
                    .map(c -> leafOf(c.getPropertyPath().toString()) + ": " + c.getMessage())
                    .sorted().reduce((a, b) -> a + "; " + b).orElse("invalid request"), Map.of(), path);
            builder = Response.status(400);
        } else if (TemporaryFailures.isTemporary(error)) {
            // A saturated connection pool or a database that is restarting: the request may succeed later.
            LOG.warn("Answering 503 to " + path + ": " + TemporaryFailures.describe(error));
            problem = problem(503, "Service Unavailable",
                    "A backing service is temporarily unavailable; retry after the delay in Retry-After.", Map.of(), path);
            builder = Response.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else {
            LOG.error("Unhandled error answering " + path, error);
            problem = problem(500, "Internal Server Error", "The request could not be completed.", Map.of(), path);
            builder = Response.status(500);
        }
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The SQLState of the first SQLException among the causes, or "". */
    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static Problem problem(int status, String title, String detail, Map<String, Object> extensions, String path) {
        return new Problem(URI.create("about:blank"), title, status, detail, path, extensions);
    }

    private static String detailOf(WebApplicationException w, int status) {
        if (status == 415) {
            return "Unsupported content type.";
        }
        if (status == 405) {
            return "Method not allowed on this resource.";
        }
        return w.getMessage();
    }

    private static String leafOf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}

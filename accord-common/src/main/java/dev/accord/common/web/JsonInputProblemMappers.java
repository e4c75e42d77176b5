package dev.accord.common.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Quarkus REST ships mappers for these two Jackson failures that answer 400 with an empty body;
 * a mapper for the exact type takes precedence, so these make them problem+json too.
 */
public final class JsonInputProblemMappers {

    private JsonInputProblemMappers() {
    }

    @Provider
    public static class MismatchedInput implements ExceptionMapper<MismatchedInputException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(MismatchedInputException error) {
            return ProblemMapper.respond(error, uriInfo);
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonParseException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(JsonParseException error) {
            return ProblemMapper.respond(error, uriInfo);
        }
    }
}

package dev.accord.common.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Quarkus REST ships mappers for these input failures (two Jackson ones, and bean validation) that
 * answer with an empty or plain JSON body; a mapper for the exact type takes precedence, so these
 * make them problem+json too.
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
    public static class InvalidInput implements ExceptionMapper<ResteasyReactiveViolationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ResteasyReactiveViolationException error) {
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

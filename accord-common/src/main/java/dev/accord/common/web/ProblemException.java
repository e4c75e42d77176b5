package dev.accord.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown by resources and services to answer with a specific problem; mapped by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /** A 400 naming the query parameter at fault, so clients can point at it. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, "Invalid parameter", detail, Map.of("parameter", parameter));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}

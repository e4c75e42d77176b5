package dev.accord.alert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accord.common.web.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * One invalid member of a request body, named by its path ({@code filter.countries[1]}); in a query,
 * {@code position} is the 0-based character offset at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer position) {

    /**
     * A 400 listing every error under {@code errors}; the first one's field is also {@code parameter}
     * (and its {@code position}, if any), so simple clients can point at it.
     */
    public static ProblemException problem(String title, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see errors)" : "");
        Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        extensions.put("parameter", first.field());
        if (first.position() != null) {
            extensions.put("position", first.position());
        }
        extensions.put("errors", errors);
        return new ProblemException(400, title, detail, extensions);
    }
}

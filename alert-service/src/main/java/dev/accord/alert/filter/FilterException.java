package dev.accord.alert.filter;

import java.util.List;

/** A filter that cannot be used, with every problem found in it. */
public class FilterException extends RuntimeException {

    /** One problem: the request field at fault (e.g. {@code filter.countries[1]}) and, in a query, the character offset. */
    public record Violation(String field, String message, Integer position) {
    }

    private final List<Violation> violations;

    public FilterException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid filter" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

package dev.accord.alert.filter;

/** A query that does not parse, or names something unknown; {@code position} is the 0-based character offset at fault. */
public class QuerySyntaxException extends RuntimeException {

    private final int position;

    public QuerySyntaxException(int position, String message) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}

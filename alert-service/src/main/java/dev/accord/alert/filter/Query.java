package dev.accord.alert.filter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a subscription query such as {@code topic:defense AND (country:JP OR country:AU)
 * AND "air defense"}. {@link #toString()} prints it fully parenthesised, which shows how it was read.
 */
public sealed interface Query {

    /** {@code field:value}, or a bare word or quoted phrase (a keyword); {@code position} is where it starts. */
    record Term(Field field, String value, int position) implements Query {
        @Override
        public String toString() {
            return field.fieldName() + ":" + (field == Field.KEYWORD ? "\"" + value + "\"" : value);
        }
    }

    record And(List<Query> operands) implements Query {
        @Override
        public String toString() {
            return operands.stream().map(Query::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<Query> operands) implements Query {
        @Override
        public String toString() {
            return operands.stream().map(Query::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(Query operand) implements Query {
        @Override
        public String toString() {
            return "NOT " + operand;
        }
    }
}

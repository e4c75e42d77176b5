package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser of the subscription query language:
 *
 * <pre>
 * query   = or EOF
 * or      = and { "OR" and }
 * and     = unary { ["AND"] unary }        adjacent terms are joined by AND
 * unary   = "NOT" unary | "-" unary | primary
 * primary = "(" or ")" | term
 * term    = field ":" value | value        field: topic, country, org, stage, keyword
 * value   = word | "quoted phrase"         \" and \\ escape inside quotes
 * </pre>
 *
 * Operators are case-insensitive; quote a keyword that is spelt like one ({@code "not"}). Topics,
 * countries and stages are checked against {@link Taxonomy} here, so a typo is reported at its
 * position rather than silently matching nothing. Positions are 0-based character offsets.
 */
public final class QueryParser {

    /** Deeper nesting is refused rather than risking the stack on hostile input. */
    public static final int MAX_DEPTH = 32;
    public static final int MAX_TERMS = 100;

    private enum Kind { WORD, PHRASE, COLON, LPAREN, RPAREN, MINUS, EOF }

    private record Token(Kind kind, String text, int position, int end) {
        boolean isOperator(String name) {
            return kind == Kind.WORD && text.equalsIgnoreCase(name);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int next;
    private int depth;
    private int terms;

    private QueryParser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    public static Query parse(String source) {
        QueryParser parser = new QueryParser(source);
        if (parser.peek().kind == Kind.EOF) {
            throw new QuerySyntaxException(0, "The query is empty.");
        }
        Query query = parser.or();
        Token trailing = parser.peek();
        if (trailing.kind == Kind.RPAREN) {
            throw new QuerySyntaxException(trailing.position, "Unexpected ')' at position " + trailing.position
                    + ": no parenthesis is open.");
        }
        if (trailing.kind != Kind.EOF) {
            throw new QuerySyntaxException(trailing.position, "Unexpected '" + trailing.text + "' at position "
                    + trailing.position + ".");
        }
        return query;
    }

    private Query or() {
        enter();
        List<Query> operands = new ArrayList<>();
        operands.add(and());
        while (peek().isOperator("OR")) {
            next++;
            operands.add(and());
        }
        depth--;
        return operands.size() == 1 ? operands.get(0) : new Query.Or(List.copyOf(operands));
    }

    private Query and() {
        List<Query> operands = new ArrayList<>();
        operands.add(unary());
        while (true) {
            Token token = peek();
            if (token.isOperator("AND")) {
                next++;
                operands.add(unary());
            } else if (startsOperand(token)) {
                operands.add(unary());
            } else {
                break;
            }
        }
        return operands.size() == 1 ? operands.get(0) : new Query.And(List.copyOf(operands));
    }

    private boolean startsOperand(Token token) {
        return switch (token.kind) {
            case WORD -> !token.isOperator("OR") && !token.isOperator("AND");
            case PHRASE, LPAREN, MINUS -> true;
            default -> false;
        };
    }

    private Query unary() {
        Token token = peek();
        if (token.isOperator("NOT") || token.kind == Kind.MINUS) {
            next++;
            enter();
            Query operand = unary();
            depth--;
            return new Query.Not(operand);
        }
        return primary();
    }

    private Query primary() {
        Token token = take();
        switch (token.kind) {
            case LPAREN -> {
                Query inner = or();
                Token close = take();
                if (close.kind != Kind.RPAREN) {
                    throw new QuerySyntaxException(close.position, "Expected ')' at position " + close.position
                            + " to close the parenthesis opened at position " + token.position + ".");
                }
                return inner;
            }
            case PHRASE -> {
                return term(Field.KEYWORD, token.text, token.position);
            }
            case WORD -> {
                if (token.isOperator("AND") || token.isOperator("OR") || token.isOperator("NOT")) {
                    throw expectedTerm(token);
                }
                if (peek().kind != Kind.COLON) {
                    return term(Field.KEYWORD, token.text, token.position);
                }
                Field field = Field.named(token.text).orElseThrow(() -> new QuerySyntaxException(token.position,
                        "Unknown field '" + token.text + "' at position " + token.position
                                + "; use topic, country, org, stage or keyword (quote a keyword that contains ':')."));
                Token colon = take();
                Token value = take();
                if (value.kind != Kind.WORD && value.kind != Kind.PHRASE) {
                    throw new QuerySyntaxException(value.position, "Expected a value after '" + token.text
                            + ":' at position " + value.position + ".");
                }
                if (value.position != colon.end) {
                    throw new QuerySyntaxException(colon.position + 1, "Expected a value right after '" + token.text
                            + ":' at position " + (colon.position + 1) + "; no space is allowed there.");
                }
                return term(field, value.text, value.position);
            }
            default -> throw expectedTerm(token);
        }
    }

    private Query.Term term(Field field, String raw, int position) {
        if (++terms > MAX_TERMS) {
            throw new QuerySyntaxException(position, "The query has more than " + MAX_TERMS + " terms.");
        }
        String value = raw.strip();
        String normalised = switch (field) {
            case TOPIC -> checked(value.toLowerCase(Locale.ROOT), Taxonomy.TOPICS.contains(value.toLowerCase(Locale.ROOT)),
                    position, "Unknown topic '" + value + "' at position " + position + "; topics: "
                            + String.join(", ", Taxonomy.TOPICS.stream().sorted().toList()) + ".");
            case COUNTRY -> checked(value.toUpperCase(Locale.ROOT), Taxonomy.isCountry(value.toUpperCase(Locale.ROOT)),
                    position, "'" + value + "' at position " + position + " is not an ISO 3166-1 alpha-2 country code.");
            case STAGE -> checked(value.toLowerCase(Locale.ROOT), Taxonomy.STAGES.contains(value.toLowerCase(Locale.ROOT)),
                    position, "Unknown stage '" + value + "' at position " + position + "; stages: "
                            + String.join(", ", Taxonomy.STAGES.stream().sorted().toList()) + ".");
            case ORG -> checked(value, !value.isEmpty(), position, "Empty organisation at position " + position + ".");
            case KEYWORD -> checked(value, KeywordPattern.of(value) != null, position, "The keyword at position "
                    + position + " has no letter or digit to match.");
        };
        return new Query.Term(field, normalised, position);
    }

    private static String checked(String value, boolean valid, int position, String message) {
        if (!valid) {
            throw new QuerySyntaxException(position, message);
        }
        return value;
    }

    private QuerySyntaxException expectedTerm(Token token) {
        String found = token.kind == Kind.EOF ? "the end of the query" : "'" + token.text + "'";
        return new QuerySyntaxException(token.position, "Expected a term at position " + token.position + " but found "
                + found + ".");
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(peek().position, "The query nests deeper than " + MAX_DEPTH + " levels.");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind != Kind.EOF) {
            next++;
        }
        return token;
    }

    private static List<Token> lex(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ':') {
                tokens.add(new Token(c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COLON, String.valueOf(c), i, i + 1));
                i++;
            } else if (c == '-' && (tokens.isEmpty() || precedesOperand(tokens.get(tokens.size() - 1), i))) {
                tokens.add(new Token(Kind.MINUS, "-", i, i + 1));
                i++;
            } else if (c == '"') {
                int start = i;
                StringBuilder phrase = new StringBuilder();
                i++;
                while (true) {
                    if (i >= source.length()) {
                        throw new QuerySyntaxException(start, "The quote opened at position " + start + " is never closed.");
                    }
                    char q = source.charAt(i);
                    if (q == '\\' && i + 1 < source.length()) {
                        phrase.append(source.charAt(i + 1));
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        phrase.append(q);
                        i++;
                    }
                }
                tokens.add(new Token(Kind.PHRASE, phrase.toString(), start, i));
            } else {
                int start = i;
                while (i < source.length() && !Character.isWhitespace(source.charAt(i)) && "():\"".indexOf(source.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, source.substring(start, i), start, i));
            }
        }
        tokens.add(new Token(Kind.EOF, "", source.length(), source.length()));
        return tokens;
    }

    /** A '-' negates only where an operand may start (after a space, '(' or the start), not inside a word like co-produce. */
    private static boolean precedesOperand(Token previous, int position) {
        return previous.kind == Kind.LPAREN || previous.end < position && previous.kind != Kind.COLON;
    }
}

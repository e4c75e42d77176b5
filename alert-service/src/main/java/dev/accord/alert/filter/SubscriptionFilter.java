package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One subscription's filter, validated and compiled once: the event kinds it wants and one
 * {@link Condition} combining the lists (AND across lists, any value within one) with the query.
 */
public final class SubscriptionFilter {

    private final FilterSpec spec;
    private final Set<EventKind> kinds;
    private final Condition condition;

    private SubscriptionFilter(FilterSpec spec, Set<EventKind> kinds, Condition condition) {
        this.spec = spec;
        this.kinds = kinds;
        this.condition = condition;
    }

    /**
     * Validates and compiles; the field names of violations are those of the API's request body
     * ({@code filter.countries[1]}, {@code filter.query}, {@code events[0]}).
     */
    public static SubscriptionFilter compile(FilterSpec raw) {
        List<FilterException.Violation> violations = new ArrayList<>();
        List<String> topics = normalised(raw.topics(), "filter.topics", v -> v.toLowerCase(Locale.ROOT),
                Taxonomy.TOPICS::contains, v -> "Unknown topic '" + v + "'; topics: " + sorted(Taxonomy.TOPICS) + ".", violations);
        List<String> countries = normalised(raw.countries(), "filter.countries", v -> v.toUpperCase(Locale.ROOT),
                Taxonomy::isCountry, v -> "'" + v + "' is not an ISO 3166-1 alpha-2 country code.", violations);
        List<String> orgs = normalised(raw.orgs(), "filter.orgs", Function.identity(), v -> !v.isEmpty(),
                v -> "An organisation must not be blank.", violations);
        List<String> keywords = normalised(raw.keywords(), "filter.keywords", SubscriptionFilter::unquoted,
                v -> KeywordPattern.of(v) != null, v -> "A keyword needs at least one letter or digit.", violations);
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < raw.events().size(); i++) {
            String event = raw.events().get(i);
            var kind = event == null ? java.util.Optional.<EventKind>empty() : EventKind.fromWire(event.strip());
            if (kind.isEmpty()) {
                violations.add(new FilterException.Violation("events[" + i + "]", "Unknown event kind '" + event
                        + "'; kinds: " + String.join(", ", EventKind.wireNames()) + ".", null));
            } else if (kinds.add(kind.get())) {
                events.add(kind.get().wire());
            }
        }
        Query query = null;
        if (raw.query() != null) {
            try {
                query = QueryParser.parse(raw.query());
            } catch (QuerySyntaxException e) {
                violations.add(new FilterException.Violation("filter.query", e.getMessage(), e.position()));
            }
        }
        if (!violations.isEmpty()) {
            throw new FilterException(violations);
        }
        List<Condition> parts = new ArrayList<>();
        addValueIn(parts, Field.TOPIC, topics);
        addValueIn(parts, Field.COUNTRY, countries);
        addValueIn(parts, Field.ORG, orgs.stream().map(o -> o.toLowerCase(Locale.ROOT)).distinct().toList());
        if (!keywords.isEmpty()) {
            parts.add(new Condition.KeywordIn(keywords.stream().map(KeywordPattern::of).toList()));
        }
        if (query != null) {
            parts.add(conditionOf(query));
        }
        Condition condition = parts.isEmpty() ? new Condition.Always()
                : parts.size() == 1 ? parts.get(0) : new Condition.AllOf(List.copyOf(parts));
        FilterSpec spec = new FilterSpec(topics, countries, orgs, keywords, raw.query() == null ? null : raw.query().strip(), events);
        return new SubscriptionFilter(spec, Set.copyOf(kinds), condition);
    }

    public boolean matches(EventDocument event) {
        for (EventKind kind : event.kinds()) {
            if (kinds.contains(kind)) {
                return condition.test(event);
            }
        }
        return false;
    }

    /** The filter with its values normalised (codes upper-cased, topics lower-cased, duplicates dropped), as stored. */
    public FilterSpec spec() {
        return spec;
    }

    public Set<EventKind> kinds() {
        return kinds;
    }

    public Condition condition() {
        return condition;
    }

    static Condition conditionOf(Query query) {
        if (query instanceof Query.Term term) {
            return switch (term.field()) {
                case KEYWORD -> new Condition.KeywordIn(List.of(KeywordPattern.of(term.value())));
                case ORG -> new Condition.ValueIn(Field.ORG, Set.of(term.value().toLowerCase(Locale.ROOT)));
                default -> new Condition.ValueIn(term.field(), Set.of(term.value()));
            };
        }
        if (query instanceof Query.And and) {
            return new Condition.AllOf(and.operands().stream().map(SubscriptionFilter::conditionOf).toList());
        }
        if (query instanceof Query.Or or) {
            return new Condition.AnyOf(or.operands().stream().map(SubscriptionFilter::conditionOf).toList());
        }
        return new Condition.NoneOf(conditionOf(((Query.Not) query).operand()));
    }

    private static void addValueIn(List<Condition> parts, Field field, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(new Condition.ValueIn(field, Set.copyOf(values)));
        }
    }

    private static List<String> normalised(List<String> values, String field, Function<String, String> normalise,
            Predicate<String> valid, Function<String, String> problem, List<FilterException.Violation> violations) {
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : normalise.apply(values.get(i).strip());
            if (!valid.test(value)) {
                violations.add(new FilterException.Violation(field + "[" + i + "]", problem.apply(values.get(i)), null));
            } else {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }

    /** A keyword may be written as a quoted phrase; the quotes only mark it as one. */
    private static String unquoted(String keyword) {
        return keyword.length() >= 2 && keyword.startsWith("\"") && keyword.endsWith("\"")
                ? keyword.substring(1, keyword.length() - 1).strip() : keyword;
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}

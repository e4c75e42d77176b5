package dev.accord.catalog.api;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.query.ArticleFilter;
import dev.accord.catalog.query.InitiativeFilter;
import dev.accord.catalog.query.ListOrder;
import dev.accord.common.events.Vocabulary;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the query parameters of the list and facet endpoints into filters, or a 400 problem naming
 * the parameter at fault and, for closed sets, the values it accepts. Bounds come from
 * {@link CatalogConfig.Search}, so no request can ask the database for unbounded work.
 */
@ApplicationScoped
public class ListParameters {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Control characters have no place in a search or a name, and PostgreSQL rejects NUL outright. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final CatalogConfig.Search bounds;

    public ListParameters(CatalogConfig config) {
        this.bounds = config.search();
    }

    public InitiativeFilter initiatives(String q, List<String> topic, List<String> country, List<String> org,
            List<String> stage, String from, String to) {
        Range range = range(from, to);
        return new InitiativeFilter(query(q), closed("topic", topic, Vocabulary.topics()), countries(country),
                values("org", org), closed("stage", stage, Vocabulary.stages()), range.from(), range.until());
    }

    public ArticleFilter articles(String q, List<String> topic, List<String> country, List<String> org, String from,
            String to) {
        Range range = range(from, to);
        return new ArticleFilter(query(q), closed("topic", topic, Vocabulary.topics()), countries(country),
                values("org", org), range.from(), range.until());
    }

    /** The requested order; by default relevance when there is a query, else newest first. */
    public ListOrder order(String sort, String q) {
        boolean searching = query(q) != null;
        if (sort == null || sort.isBlank()) {
            return searching ? ListOrder.RELEVANCE : ListOrder.NEWEST;
        }
        ListOrder order = ListOrder.parse(sort.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new ProblemException(
                400, "Invalid parameter", "Unknown sort '" + sort + "'.",
                Map.of("parameter", "sort", "allowed", ListOrder.allowed())));
        if (order == ListOrder.RELEVANCE && !searching) {
            throw ProblemException.badParameter("sort", "sort=relevance needs a full-text query in q.");
        }
        return order;
    }

    private String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String query = q.strip();
        if (query.length() > bounds.maxQueryLength()) {
            throw new ProblemException(400, "Invalid parameter", "q is longer than " + bounds.maxQueryLength()
                    + " characters.", Map.of("parameter", "q", "maxLength", bounds.maxQueryLength()));
        }
        noControlCharacters("q", query);
        return query;
    }

    private List<String> values(String name, List<String> given) {
        List<String> values = new ArrayList<>();
        for (String value : given == null ? List.<String>of() : given) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String v = value.strip();
            if (v.length() > bounds.maxFilterValueLength()) {
                throw ProblemException.badParameter(name, name + " values are at most " + bounds.maxFilterValueLength()
                        + " characters long.");
            }
            noControlCharacters(name, v);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        if (values.size() > bounds.maxFilterValues()) {
            throw ProblemException.badParameter(name, name + " may be given at most " + bounds.maxFilterValues() + " times.");
        }
        return values;
    }

    private List<String> closed(String name, List<String> given, List<String> allowed) {
        List<String> values = values(name, given).stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw new ProblemException(400, "Invalid parameter", "Unknown " + name + " '" + value + "'.",
                        Map.of("parameter", name, "allowed", allowed));
            }
        }
        return values;
    }

    private List<String> countries(List<String> given) {
        List<String> values = values("country", given);
        for (String value : values) {
            if (!COUNTRY.matcher(value).matches()) {
                throw ProblemException.badParameter("country",
                        "country must be an ISO 3166-1 alpha-2 code such as JP; '" + value + "' is not.");
            }
        }
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static void noControlCharacters(String name, String value) {
        if (CONTROL.matcher(value).find()) {
            throw ProblemException.badParameter(name, name + " must not contain control characters.");
        }
    }

    /** from is inclusive; to is exclusive for a date-time and covers the whole day for a date. */
    private static Range range(String from, String to) {
        Instant start = from == null || from.isBlank() ? null : point("from", from).at();
        Point end = to == null || to.isBlank() ? null : point("to", to);
        Instant until = end == null ? null : end.date() ? end.at().plusSeconds(86_400) : end.at();
        if (start != null && end != null && (end.date() ? !start.isBefore(until) : start.isAfter(end.at()))) {
            throw ProblemException.badParameter("from", "from must not be after to.");
        }
        return new Range(start, until);
    }

    private static Point point(String name, String value) {
        // An unencoded '+' of an offset arrives as a space.
        String text = value.strip().replace(' ', '+');
        try {
            Point point = DATE.matcher(text).matches()
                    ? new Point(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(), true)
                    : new Point(OffsetDateTime.parse(text).toInstant(), false);
            if (point.at().isBefore(EARLIEST) || point.at().isAfter(LATEST)) {
                throw ProblemException.badParameter(name, name + " must lie between the years 1 and 9999.");
            }
            return point;
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, name + " must be an ISO-8601 date such as 2024-04-10 or a date-time"
                    + " with offset such as 2024-04-10T09:30:00Z.");
        }
    }

    private record Point(Instant at, boolean date) {
    }

    private record Range(Instant from, Instant until) {
    }
}

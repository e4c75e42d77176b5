package dev.accord.catalog.api;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes rows as RFC 4180 CSV: a header row, CRLF line ends, and fields quoted (with inner quotes
 * doubled) whenever they contain a comma, a quote or a line break. Lists are joined with ';'.
 */
public final class CsvTable<V> {

    private static final String CRLF = "\r\n";

    /** One column: its header and how to read it from a row. */
    public record Column<V>(String name, Function<V, Object> value) {
    }

    private final List<Column<V>> columns;

    public CsvTable(List<Column<V>> columns) {
        this.columns = List.copyOf(columns);
    }

    public String write(List<V> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, columns.stream().map(Column::name).toList());
        for (V row : rows) {
            line(csv, columns.stream().map(c -> text(c.value().apply(row))).toList());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(CsvTable::field).collect(Collectors.joining(","))).append(CRLF);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}

package dev.accord.bench.harness;

import dev.accord.common.events.InitiativeExtracted;
import dev.accord.testsupport.load.SyntheticInitiatives;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Raw PostgreSQL on the server the catalog uses: rows shaped like the catalog's {@code initiative}
 * (same columns, types and indexes, copied with LIKE … INCLUDING ALL when the catalog's table is
 * there) written with JDBC batched INSERTs, one commit per batch, and with COPY, into a scratch
 * schema that is dropped afterwards.
 */
final class PostgresBaseline {

    static final String SCRATCH = "bench_scratch";
    private static final String COLUMNS = SyntheticInitiatives.ROW_COLUMNS;
    private static final String V1_SHAPE = "(id uuid PRIMARY KEY, title text NOT NULL, summary text NOT NULL, "
            + "evidence text NOT NULL, evidence_start integer NOT NULL, evidence_end integer NOT NULL, "
            + "countries text[] NOT NULL, organisations text[] NOT NULL, topics text[] NOT NULL, stage text NOT NULL, "
            + "confidence double precision NOT NULL, extractor_version text NOT NULL, first_seen_at timestamptz NOT NULL, "
            + "updated_at timestamptz NOT NULL)";

    private PostgresBaseline() {
    }

    static Connection connect(Options options) throws SQLException {
        return DriverManager.getConnection(options.string("db-url"), options.string("db-user"),
                options.string("db-password", ""));
    }

    static void run(Options options) throws Exception {
        Measurements out = Measurements.from(options);
        int rows = options.integer("rows");
        int batch = options.integer("batch", 500);
        SyntheticInitiatives source = new SyntheticInitiatives(System.nanoTime());
        try (Connection connection = connect(options)) {
            String shape = prepare(connection, "insert_rows");
            prepare(connection, "copy_rows");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCRATCH + ".insert_rows (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    SyntheticInitiatives.bindRow(connection, insert, source.event(i));
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double insertSeconds = (System.nanoTime() - start) / 1e9;
            out.record("pg.insert.rows_per_s", rows / insertSeconds, rows + " rows, batches of " + batch + ", " + shape);

            start = System.nanoTime();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                copyLine(text, source.event(rows + i));
            }
            ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("COPY " + SCRATCH + ".copy_rows (" + COLUMNS + ") FROM STDIN", new StringReader(text.toString()));
            connection.commit();
            double copySeconds = (System.nanoTime() - start) / 1e9;
            out.record("pg.copy.rows_per_s", rows / copySeconds, rows + " rows, one COPY");
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
            }
        }
    }

    /** Creates the scratch table; says which shape it has. */
    static String prepare(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCRATCH);
            statement.execute("DROP TABLE IF EXISTS " + SCRATCH + "." + table);
            try {
                statement.execute("CREATE TABLE " + SCRATCH + "." + table + " (LIKE catalog.initiative INCLUDING ALL)");
                // Columns the catalog added later must accept rows that leave them out.
                if (!insertable(connection, table)) {
                    statement.execute("DROP TABLE " + SCRATCH + "." + table);
                    throw new SQLException("catalog.initiative has required columns beyond the event's");
                }
                return "catalog.initiative's columns and indexes";
            } catch (SQLException e) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + SCRATCH + "." + table + " " + V1_SHAPE);
                statement.execute("CREATE INDEX ON " + SCRATCH + "." + table + " (first_seen_at DESC, id DESC)");
                for (String column : List.of("topics", "countries", "organisations")) {
                    statement.execute("CREATE INDEX ON " + SCRATCH + "." + table + " USING gin (" + column + ")");
                }
                return "the catalog's V1 initiative shape";
            }
        }
    }

    private static boolean insertable(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? AND is_nullable = 'NO' AND column_default IS NULL "
                + "AND is_generated = 'NEVER' AND column_name <> ALL (string_to_array(?, ', '))")) {
            query.setString(1, SCRATCH);
            query.setString(2, table);
            query.setString(3, COLUMNS);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 0;
            }
        }
    }

    static void copyLine(StringBuilder out, InitiativeExtracted event) {
        String now = Instant.now().toString();
        out.append(event.id()).append('\t').append(escape(event.title())).append('\t').append(escape(event.summary()))
                .append('\t').append(escape(event.evidence().sentence())).append('\t').append(event.evidence().start())
                .append('\t').append(event.evidence().end()).append('\t').append(array(event.parties().countries()))
                .append('\t').append(array(event.parties().organisations())).append('\t').append(array(event.topics()))
                .append('\t').append(event.stage()).append('\t').append(event.confidence()).append('\t')
                .append(escape(event.extractorVersion())).append('\t').append(now).append('\t').append(now).append('\n');
    }

    /** COPY text format: backslash, tab and newline escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** A text[] literal of plain words (no quotes or commas in the generated values). */
    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }
}

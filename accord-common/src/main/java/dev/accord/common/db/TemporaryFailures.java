package dev.accord.common.db;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Recognises failures that say "not now" rather than "never": the database refusing or dropping
 * connections, or the pool having none left within its acquisition timeout. Such requests are
 * answered 503 with {@code Retry-After} so clients retry instead of treating them as server bugs.
 */
public final class TemporaryFailures {

    /** Thrown by Hibernate when it cannot obtain or keep a JDBC connection; matched by name to stay ORM-agnostic. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "io.agroal.api.exceptions.AgroalException");

    /** Hibernate's wording whenever the pool or the server yields no connection, whatever the SQLSTATE. */
    private static final String NO_CONNECTION = "Unable to acquire JDBC Connection";

    /** SQLSTATE class 08 (connection exception); 57P01–57P03 (server shutting down or starting). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final int MAX_DEPTH = 16;

    private TemporaryFailures() {
    }

    public static boolean isTemporary(Throwable error) {
        return temporaryCause(error) != null;
    }

    public static String describe(Throwable error) {
        Throwable cause = temporaryCause(error);
        return cause == null ? String.valueOf(error) : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable temporaryCause(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (CONNECTION_FAILURES.contains(current.getClass().getName()) || current instanceof SQLTransientException
                    || (current.getMessage() != null && current.getMessage().startsWith(NO_CONNECTION))) {
                return current;
            }
            if (current instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return current;
            }
        }
        return null;
    }
}

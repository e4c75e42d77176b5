package dev.accord.catalog.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the rows of a table written since the previous read, for a copy kept in memory: every row records the
 * transaction that last wrote it ({@code written_by}, a 64-bit xid8 that never wraps; migrations V6 and V7), and
 * the rows whose writer the previous read's snapshot could not see are exactly the ones it has not seen. The first
 * read returns every row.
 */
public final class ChangedRows {

    /** Receives one row; the columns asked for start at {@link #FIRST_COLUMN}. */
    @FunctionalInterface
    public interface Reader {
        void read(ResultSet row) throws SQLException;
    }

    /** The first of the caller's columns in a row given to the {@link Reader}. */
    public static final int FIRST_COLUMN = 3;

    private final String all;
    private final String changed;
    private String snapshot;

    /**
     * {@code columns} are read from {@code rows} (a table or a join), whose {@code writtenBy} column tells the
     * writing transaction.
     */
    public ChangedRows(String columns, String rows, String writtenBy) {
        // One row comes back even when nothing changed, for the snapshot; its own columns are then null.
        String select = "SELECT CAST(pg_current_snapshot() AS text), pg_current_xact_id_if_assigned() IS NOT NULL, "
                + columns + " FROM (SELECT 1) s LEFT JOIN " + rows;
        all = select + " ON true";
        // Writers below the old snapshot's xmin were all visible to it; the index bounds the read to the rest.
        changed = select + " ON " + writtenBy + " >= pg_snapshot_xmin(CAST(? AS pg_snapshot))"
                + " AND NOT pg_visible_in_snapshot(" + writtenBy + ", CAST(? AS pg_snapshot))";
    }

    /**
     * Gives {@code reader} each row written since the previous read. The connection's transaction must not have
     * written yet: a snapshot taken after its own writes would count them as read before they are committed.
     */
    public void read(Connection connection, Reader reader) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(snapshot == null ? all : changed)) {
            if (snapshot != null) {
                read.setString(1, snapshot);
                read.setString(2, snapshot);
            }
            read.setFetchSize(10_000);
            String taken = null;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    if (taken == null && rows.getBoolean(2)) {
                        throw new IllegalStateException("changed rows must be read before the transaction writes");
                    }
                    taken = rows.getString(1);
                    if (rows.getObject(FIRST_COLUMN) != null) {
                        reader.read(rows);
                    }
                }
            }
            snapshot = taken;
        }
    }
}

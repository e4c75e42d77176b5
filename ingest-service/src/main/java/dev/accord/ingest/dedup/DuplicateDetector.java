package dev.accord.ingest.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Recognises an article seen before: same canonical URL, same content hash, a simhash within
 * {@value #NEAR_DUPLICATE_BITS} bits, or, for a short text, most of its word shingles ({@link Shingles}). An article is remembered before its events are published
 * (the unique keys settle races between replicas) and forgotten again if publishing fails.
 *
 * <p>Each call is one statement on a pooled connection in auto-commit, outside any transaction the
 * caller might hold: the check runs for every article pushed, and an ORM session with a JTA
 * transaction around each statement cost more CPU than the statements themselves.
 */
@ApplicationScoped
public class DuplicateDetector {

    public static final int NEAR_DUPLICATE_BITS = 3;

    /**
     * The unique keys and the band indexes find the candidates, and the simhash distance is checked in
     * the database, so only the answer comes back (copies of one story can share a band with thousands
     * of stored articles).
     */
    private static final String ORIGINAL = """
            SELECT article_id FROM seen_article
            WHERE canonical_url = ? OR content_hash = ?
               OR ((band0 = ? OR band1 = ? OR band2 = ? OR band3 = ?)
                   AND bit_count(CAST(simhash # ? AS bit(64))) <= ?)
            ORDER BY (canonical_url = ? OR content_hash = ?) DESC
            LIMIT 1""";

    /**
     * The stored short article sharing most of this sketch, with how many it shares, how many shingles it has,
     * and how many of its stored ones lie at or below this sketch's limit (its own limit is kept with it).
     */
    private static final String SHINGLE_MATCH = """
            SELECT m.article_id, m.shared, a.shingle_count, a.sketch_limit,
                   (SELECT count(*) FROM seen_shingle o WHERE o.article_id = m.article_id AND o.shingle <= ?) AS theirs_in_range
            FROM (SELECT article_id, count(*) AS shared FROM seen_shingle WHERE shingle = ANY(?)
                  GROUP BY article_id ORDER BY shared DESC, article_id LIMIT 1) m
            JOIN seen_article a ON a.article_id = m.article_id""";

    private static final String REMEMBER = """
            INSERT INTO seen_article (article_id, canonical_url, content_hash, simhash, band0, band1, band2, band3, seen_at,
                                      shingle_count, sketch_limit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private static final String REMEMBER_SHINGLES = """
            INSERT INTO seen_shingle (shingle, article_id) SELECT unnest(?), ? ON CONFLICT DO NOTHING""";

    private static final String FORGET = "DELETE FROM seen_article WHERE article_id = ?";

    /** The fingerprints of one article; {@code shingles} only for a short text (see {@link Shingles}). */
    public record Fingerprint(UUID articleId, String canonicalUrl, String contentHash, long simhash, long[] shingles) {

        public static Fingerprint of(UUID articleId, String canonicalUrl, String contentHash, String text) {
            return new Fingerprint(articleId, canonicalUrl, contentHash, SimHash.of(text), Shingles.ofShortText(text));
        }
    }

    private final DataSource dataSource;

    public DuplicateDetector(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<UUID> originalOf(Fingerprint fingerprint) {
        long hash = fingerprint.simhash();
        Optional<UUID> found = this.<Optional<UUID>>execute(ORIGINAL, statement -> {
            statement.setString(1, fingerprint.canonicalUrl());
            statement.setString(2, fingerprint.contentHash());
            for (int band = 0; band < 4; band++) {
                statement.setInt(3 + band, SimHash.band(hash, band));
            }
            statement.setLong(7, hash);
            statement.setInt(8, NEAR_DUPLICATE_BITS);
            statement.setString(9, fingerprint.canonicalUrl());
            statement.setString(10, fingerprint.contentHash());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
        return found.isPresent() ? found : shortOriginalOf(fingerprint);
    }

    private Optional<UUID> shortOriginalOf(Fingerprint fingerprint) {
        long[] shingles = fingerprint.shingles();
        if (shingles.length == 0) {
            return Optional.empty();
        }
        long ourLimit = Shingles.sketchLimit(shingles);
        return this.<Optional<UUID>>execute(SHINGLE_MATCH, statement -> {
            statement.setLong(1, ourLimit);
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", boxed(Shingles.sketch(shingles))));
            try (ResultSet found = statement.executeQuery()) {
                if (!found.next()) {
                    return Optional.<UUID>empty();
                }
                int theirs = found.getInt(3);
                // A stored NULL is a sketch that keeps every shingle.
                long theirLimit = found.getObject(4) == null ? Long.MAX_VALUE : found.getLong(4);
                // Compared where both sketches hold every shingle: up to the lower of the two limits. Theirs stored
                // at or below our limit are exactly theirs up to that lower limit.
                int oursInRange = Shingles.countUpTo(shingles, Math.min(ourLimit, theirLimit));
                int smallerInRange = shingles.length <= theirs ? oursInRange : found.getInt(5);
                return Shingles.sameArticle(found.getInt(2), smallerInRange, shingles.length, theirs)
                        ? Optional.of(found.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    /** Remembers the article; false if another request remembered the same article first. */
    public boolean remember(Fingerprint fingerprint) {
        long hash = fingerprint.simhash();
        return execute(REMEMBER, statement -> {
            statement.setObject(1, fingerprint.articleId());
            statement.setString(2, fingerprint.canonicalUrl());
            statement.setString(3, fingerprint.contentHash());
            statement.setLong(4, hash);
            for (int band = 0; band < 4; band++) {
                statement.setInt(5 + band, SimHash.band(hash, band));
            }
            statement.setTimestamp(9, Timestamp.from(Instant.now()));
            long[] shingles = fingerprint.shingles();
            long limit = Shingles.sketchLimit(shingles);
            if (limit == Long.MAX_VALUE) {
                statement.setNull(11, java.sql.Types.BIGINT);
            } else {
                statement.setLong(11, limit);
            }
            if (shingles.length == 0) {
                statement.setNull(10, java.sql.Types.INTEGER);
                return statement.executeUpdate() == 1;
            }
            statement.setInt(10, shingles.length);
            if (statement.executeUpdate() != 1) {
                return false;
            }
            try (PreparedStatement insert = statement.getConnection().prepareStatement(REMEMBER_SHINGLES)) {
                insert.setArray(1, statement.getConnection().createArrayOf("bigint", boxed(Shingles.sketch(shingles))));
                insert.setObject(2, fingerprint.articleId());
                insert.executeUpdate();
            }
            return true;
        });
    }

    public void forget(UUID articleId) {
        execute(FORGET, statement -> {
            statement.setObject(1, articleId);
            return statement.executeUpdate();
        });
    }

    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T execute(String sql, Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // No connection, whether the server is down or the pool stayed exhausted (whose timeout carries no
            // SQL state): a connection failure, which the API answers 503 with Retry-After.
            throw new DuplicateCheckFailed(new SQLTransientConnectionException("No database connection: " + e.getMessage(),
                    "08001", e));
        }
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new DuplicateCheckFailed(e);
        }
    }

    /** The duplicate check could not reach or use the database; the SQL state in its cause says which. */
    public static final class DuplicateCheckFailed extends RuntimeException {
        DuplicateCheckFailed(SQLException cause) {
            super("Duplicate check failed: " + cause.getMessage(), cause);
        }
    }
}

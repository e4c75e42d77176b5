package dev.accord.catalog.service;

import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every stored mention as a merge candidate, in memory on each replica ({@link MergeCandidates}), brought up to
 * date before each batch is placed with one indexed read of the mentions written since the last read (migration
 * V7). A batch used to read every mention in its time span that shared one of its parties: with a few common
 * parties that is every mention, so each batch cost more than the one before.
 *
 * <p>The read happens with the batch's party locks held ({@link InitiativeMerger#lockParties}): every transaction
 * that placed a mention of those parties has committed, so the copy holds all the candidates the batch can join.
 * Only committed rows enter the copy; what a batch places itself is kept in its {@link BatchPlacement} and comes back
 * with the next read, once committed.
 */
@ApplicationScoped
public class MergeIndex {

    private static final String COLUMNS = "SELECT CAST(pg_current_snapshot() AS text),"
            + " pg_current_xact_id_if_assigned() IS NOT NULL, m.initiative_id, i.first_seen_at, m.mentioned_at,"
            + " m.party_keys, m.countries, m.organisations, m.title_terms, m.terms"
            + " FROM (SELECT 1) s LEFT JOIN (mention m JOIN initiative i ON i.id = m.initiative_id)";
    private static final String ALL = COLUMNS + " ON true";
    // Writers below the old snapshot's xmin were all visible to it; the index bounds the read to the rest.
    private static final String CHANGED = COLUMNS + " ON m.written_by >= pg_snapshot_xmin(CAST(? AS pg_snapshot))"
            + " AND NOT pg_visible_in_snapshot(m.written_by, CAST(? AS pg_snapshot))";

    private final CatalogConfig.Merge config;
    private final MergeCandidates stored;
    private final ReentrantLock lock = new ReentrantLock();
    private String snapshot;

    public MergeIndex(CatalogConfig config) {
        this.config = config.merge();
        this.stored = new MergeCandidates(this.config.window(), this.config.threshold(), this.config.titleWeight());
    }

    /**
     * Brings the copy up to date and opens the placement of one batch over it. Call it with the batch's party locks
     * held and before the transaction writes anything: a snapshot taken after its own writes would count them as
     * read. The placement holds this replica's copy until closed.
     */
    BatchPlacement open(Connection connection) throws SQLException {
        lock.lock();
        try {
            refresh(connection);
            return new BatchPlacement();
        } catch (SQLException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    private void refresh(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(snapshot == null ? ALL : CHANGED)) {
            if (snapshot != null) {
                read.setString(1, snapshot);
                read.setString(2, snapshot);
            }
            read.setFetchSize(10_000);
            String taken = null;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    if (taken == null && rows.getBoolean(2)) {
                        throw new IllegalStateException("merge candidates must be read before the transaction writes");
                    }
                    taken = rows.getString(1);
                    UUID entryId = rows.getObject(3, UUID.class);
                    if (entryId == null) {
                        continue;
                    }
                    InitiativeMatcher.Features features = new InitiativeMatcher.Features(
                            InitiativeRows.strings(rows.getArray(7)), InitiativeRows.strings(rows.getArray(8)),
                            InitiativeRows.strings(rows.getArray(9)), InitiativeRows.strings(rows.getArray(10)));
                    List<String> partyKeys = InitiativeRows.strings(rows.getArray(6));
                    // Mentions stored before the merge rule have no stems or parties: nothing can join them.
                    if (!partyKeys.isEmpty() && !features.terms().isEmpty()) {
                        stored.add(MergeCandidates.Candidate.of(entryId, InitiativeRows.instant(rows, 4), features,
                                partyKeys), InitiativeRows.instant(rows, 5));
                    }
                }
            }
            snapshot = taken;
        }
    }

    /** Mentions stored, as of the last read. */
    int size() {
        return stored.size();
    }

    /** The placement of one batch: the stored candidates and those the batch placed so far. */
    final class BatchPlacement implements AutoCloseable {

        private final MergeCandidates placed = new MergeCandidates(config.window(), config.threshold(),
                config.titleWeight());

        /** The candidate whose entry the mention joins, by the merge rule; empty when it starts an entry. */
        Optional<MergeCandidates.Candidate> entryFor(InitiativeMatcher.Features mention, Instant at) {
            return MergeCandidates.Match.best(stored.entryFor(mention, at), placed.entryFor(mention, at));
        }

        /** A mention this batch placed, which its later mentions may join. */
        void add(MergeCandidates.Candidate candidate, Instant at) {
            placed.add(candidate, at);
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }
}

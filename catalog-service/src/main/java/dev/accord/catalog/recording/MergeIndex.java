package dev.accord.catalog.recording;

import dev.accord.catalog.changes.ChangedRows;
import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every stored mention as a merge candidate, in memory on each replica ({@link MergeCandidates}), brought up to
 * date before each batch is placed with one indexed read of the mentions written since the last read
 * ({@link ChangedRows}, migration V7). A batch used to read every mention in its time span that shared one of its parties: with a few common
 * parties that is every mention, so each batch cost more than the one before.
 *
 * <p>The read happens with the batch's party locks held ({@link InitiativeMerger#lockParties}): every transaction
 * that placed a mention of those parties has committed, so the copy holds all the candidates the batch can join.
 * Only committed rows enter the copy; what a batch places itself is kept in its {@link BatchPlacement} and comes back
 * with the next read, once committed.
 */
@ApplicationScoped
public class MergeIndex {

    private final CatalogConfig.Merge config;
    private final MergeCandidates stored;
    private final ReentrantLock lock = new ReentrantLock();
    // The entry's first-seen time by a lookup per mention rather than a join: the planner cannot estimate how many
    // mentions changed, guesses thousands and would hash the whole initiative table for each batch's few hundred.
    private final ChangedRows mentions = new ChangedRows("m.initiative_id,"
            + " (SELECT i.first_seen_at FROM initiative i WHERE i.id = m.initiative_id), m.mentioned_at,"
            + " m.party_keys, m.countries, m.organisations, m.title_terms, m.terms", "mention m", "m.written_by");

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
        mentions.read(connection, row -> {
            int c = ChangedRows.FIRST_COLUMN;
            InitiativeMatcher.Features features = new InitiativeMatcher.Features(
                    InitiativeRows.strings(row.getArray(c + 4)), InitiativeRows.strings(row.getArray(c + 5)),
                    InitiativeRows.strings(row.getArray(c + 6)), InitiativeRows.strings(row.getArray(c + 7)));
            List<String> partyKeys = InitiativeRows.strings(row.getArray(c + 3));
            // Mentions stored before the merge rule have no stems or parties: nothing can join them.
            if (!partyKeys.isEmpty() && !features.terms().isEmpty()) {
                stored.add(MergeCandidates.Candidate.of(row.getObject(c, UUID.class), InitiativeRows.instant(row, c + 1),
                        features, partyKeys), InitiativeRows.instant(row, c + 2));
            }
        });
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

package dev.accord.catalog.recording;

import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Finds the catalog entries a batch of new mentions belongs to, by {@link InitiativeMatcher}'s rule,
 * among the entries with a mention in the time window that shares a party and a word with it.
 *
 * <p>Placement is serialised per party: before placing a batch of mentions its transaction takes
 * (in ascending order, so transactions never wait on each other in a cycle) one advisory lock per
 * party key bucket. Two mentions that could merge share a party, hence a lock, so a second replica
 * sees the first one's entry instead of creating a twin. The choice is deterministic: the best score,
 * then the oldest entry, then the smallest id.
 *
 * <p>The candidates are every stored mention, kept in memory on each replica and brought up to date
 * before each batch ({@link MergeIndex}); each mention's own are picked from them through an index
 * from word stems to mentions ({@link MergeCandidates}).
 */
@ApplicationScoped
public class InitiativeMerger {

    /** The first key of the two-key advisory locks this class takes; the second is the bucket. */
    private static final int LOCK_NAMESPACE = 0x4d524745;

    private final AdvisoryLocks locks;
    private final CatalogConfig config;
    private final MergeIndex index;

    public InitiativeMerger(AdvisoryLocks locks, CatalogConfig config, MergeIndex index) {
        this.locks = locks;
        this.config = config;
        this.index = index;
    }

    /** Holds, until the transaction ends, the locks of every party of the mentions about to be placed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockParties(Collection<InitiativeMatcher.Features> mentions) {
        locks.lock(LOCK_NAMESPACE, mentions.stream().flatMap(m -> m.partyKeys().stream())
                .mapToInt(key -> Math.floorMod(key.hashCode(), config.merge().lockBuckets())));
    }

    /**
     * The placement of a batch over every stored mention, brought up to date. Call it with the batch's party locks
     * held and before the transaction writes; close it once the batch's mentions are placed.
     */
    MergeIndex.BatchPlacement placement(Connection connection) throws SQLException {
        return index.open(connection);
    }
}

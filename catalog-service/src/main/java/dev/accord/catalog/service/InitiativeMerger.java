package dev.accord.catalog.service;

import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

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
 * <p>The candidates of the whole batch are found by one query (every mention in the batch's time span
 * that shares a party key and a word with any of its mentions), which returns only their ids: what
 * the merge compares of each is read once per replica and kept ({@link MergeCandidateCache}). Each
 * mention's own candidates are picked from them in memory ({@link MergeCandidates}), with the same
 * conditions the database applied.
 */
@ApplicationScoped
public class InitiativeMerger {

    /** The first key of the two-key advisory locks this class takes; the second is the bucket. */
    private static final int LOCK_NAMESPACE = 0x4d524745;

    private final EntityManager em;
    private final CatalogConfig config;
    private final MergeCandidateCache cache;

    public InitiativeMerger(EntityManager em, CatalogConfig config, MergeCandidateCache cache) {
        this.em = em;
        this.config = config;
        this.cache = cache;
    }

    /** Holds, until the transaction ends, the locks of every party of the mentions about to be placed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockParties(Collection<InitiativeMatcher.Features> mentions) {
        int[] buckets = mentions.stream().flatMap(m -> m.partyKeys().stream())
                .mapToInt(key -> Math.floorMod(key.hashCode(), config.merge().lockBuckets()))
                .distinct().sorted().toArray();
        if (buckets.length == 0) {
            return;
        }
        String array = Arrays.stream(buckets).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(?1, k)) "
                + "FROM (SELECT k FROM unnest(CAST(?2 AS int[])) AS k ORDER BY k) AS buckets")
                .setParameter(1, LOCK_NAMESPACE).setParameter(2, array).getSingleResult();
    }

    /** A mention about to be placed: what the merge compares, and when it was published. */
    record Placing(InitiativeMatcher.Features features, Instant at) {
    }

    /**
     * Every stored mention that any of {@code mentions} may join, ready to be asked per mention.
     * Call it with the batch's party locks held, so no other transaction adds a candidate meanwhile.
     */
    MergeCandidates candidates(Connection connection, List<Placing> mentions) throws SQLException {
        MergeCandidates candidates = new MergeCandidates(config.merge().window(), config.merge().threshold(),
                config.merge().titleWeight());
        TreeSet<String> partyKeys = new TreeSet<>();
        Instant from = null;
        Instant to = null;
        for (Placing mention : mentions) {
            if (mention.features().partyKeys().isEmpty() || mention.features().terms().isEmpty()) {
                continue;
            }
            partyKeys.addAll(mention.features().partyKeys());
            from = from == null || mention.at().isBefore(from) ? mention.at() : from;
            to = to == null || mention.at().isAfter(to) ? mention.at() : to;
        }
        if (partyKeys.isEmpty()) {
            return candidates;
        }
        // Only the ids of the candidates: most were read by an earlier batch and are in the cache. Sharing
        // a word is left to MergeCandidates, which only visits mentions that do: "terms && ?" with the
        // thousands of words of a batch compares every word of every row with each of them.
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT extracted_id FROM mention "
                + "WHERE party_keys && ? AND mentioned_at BETWEEN ? AND ?")) {
            query.setArray(1, connection.createArrayOf("text", partyKeys.toArray()));
            query.setObject(2, InitiativeRows.time(from.minus(config.merge().window())));
            query.setObject(3, InitiativeRows.time(to.plus(config.merge().window())));
            query.setFetchSize(10_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids) {
            MergeCandidates.Candidate known = cache.get(id);
            if (known == null) {
                unknown.add(id);
            } else {
                candidates.add(known);
            }
        }
        if (unknown.isEmpty()) {
            return candidates;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT m.extracted_id, m.initiative_id, "
                + "i.first_seen_at, m.mentioned_at, m.party_keys, m.countries, m.organisations, m.title_terms, m.terms "
                + "FROM mention m JOIN initiative i ON i.id = m.initiative_id WHERE m.extracted_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", unknown.toArray()));
            query.setFetchSize(1_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    InitiativeMatcher.Features features = new InitiativeMatcher.Features(
                            InitiativeRows.strings(rows.getArray(6)), InitiativeRows.strings(rows.getArray(7)),
                            InitiativeRows.strings(rows.getArray(8)), InitiativeRows.strings(rows.getArray(9)));
                    MergeCandidates.Candidate candidate = MergeCandidates.Candidate.of(rows.getObject(2, UUID.class),
                            InitiativeRows.instant(rows, 3), features, InitiativeRows.strings(rows.getArray(5)),
                            InitiativeRows.instant(rows, 4));
                    cache.put(rows.getObject(1, UUID.class), candidate);
                    candidates.add(candidate);
                }
            }
        }
        return candidates;
    }
}

package dev.accord.catalog.service;

import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Finds the catalog entry a new mention belongs to, by {@link InitiativeMatcher}'s rule, among the
 * entries with a mention in the time window that shares a party and a word with it.
 *
 * <p>Placement is serialised per party: before placing a batch of mentions its transaction takes
 * (in ascending order, so transactions never wait on each other in a cycle) one advisory lock per
 * party key bucket. Two mentions that could merge share a party, hence a lock, so a second replica
 * sees the first one's entry instead of creating a twin. The choice is deterministic: the best score,
 * then the oldest entry, then the smallest id.
 */
@ApplicationScoped
public class InitiativeMerger {

    /** The first key of the two-key advisory locks this class takes; the second is the bucket. */
    private static final int LOCK_NAMESPACE = 0x4d524745;

    private final EntityManager em;
    private final CatalogConfig config;

    public InitiativeMerger(EntityManager em, CatalogConfig config) {
        this.em = em;
        this.config = config;
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

    /** The entry {@code mention}, published at {@code at}, merges into; empty when it is a new initiative. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> entryFor(InitiativeMatcher.Features mention, Instant at) {
        if (mention.partyKeys().isEmpty() || mention.terms().isEmpty()) {
            return Optional.empty();
        }
        em.flush();
        List<Candidate> candidates = em.unwrap(Session.class).doReturningWork(c -> candidates(c, mention, at));
        return candidates.stream()
                .filter(c -> c.score() >= config.merge().threshold())
                .min(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(Candidate::firstSeenAt)
                        .thenComparing(Candidate::entryId))
                .map(Candidate::entryId);
    }

    private record Candidate(UUID entryId, Instant firstSeenAt, double score) {
    }

    private List<Candidate> candidates(Connection connection, InitiativeMatcher.Features mention, Instant at)
            throws SQLException {
        String sql = "SELECT m.initiative_id, i.first_seen_at, m.countries, m.organisations, m.title_terms, m.terms "
                + "FROM mention m JOIN initiative i ON i.id = m.initiative_id "
                + "WHERE m.party_keys && ? AND m.terms && ? AND m.mentioned_at BETWEEN ? AND ?";
        List<Candidate> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("text", mention.partyKeys().toArray()));
            query.setArray(2, connection.createArrayOf("text", mention.terms().toArray()));
            query.setTimestamp(3, Timestamp.from(at.minus(config.merge().window())));
            query.setTimestamp(4, Timestamp.from(at.plus(config.merge().window())));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    InitiativeMatcher.Features other = new InitiativeMatcher.Features(strings(rows.getArray(3)),
                            strings(rows.getArray(4)), strings(rows.getArray(5)), strings(rows.getArray(6)));
                    found.add(new Candidate(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                            InitiativeMatcher.score(mention, other, config.merge().titleWeight())));
                }
            }
        }
        return found;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

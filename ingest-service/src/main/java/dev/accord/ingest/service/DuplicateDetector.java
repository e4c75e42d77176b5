package dev.accord.ingest.service;

import dev.accord.ingest.domain.SeenArticle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recognises an article seen before: same canonical URL, same content hash, or a simhash within
 * {@value #NEAR_DUPLICATE_BITS} bits. An article is remembered before its events are published
 * (the unique keys settle races between replicas) and forgotten again if publishing fails.
 */
@ApplicationScoped
public class DuplicateDetector {

    static final int NEAR_DUPLICATE_BITS = 3;

    /** The fingerprints of one article. */
    public record Fingerprint(UUID articleId, String canonicalUrl, String contentHash, long simhash) {
    }

    /**
     * One statement, one round trip: the unique keys and the band indexes find the candidates, and
     * the simhash distance is checked in the database, so only the answer comes back (copies of one
     * story can share a band with thousands of stored articles).
     */
    @Transactional
    public Optional<UUID> originalOf(Fingerprint fingerprint) {
        long hash = fingerprint.simhash();
        List<?> found = SeenArticle.getEntityManager().createNativeQuery("""
                SELECT article_id FROM seen_article
                WHERE canonical_url = ?1 OR content_hash = ?2
                   OR ((band0 = ?3 OR band1 = ?4 OR band2 = ?5 OR band3 = ?6)
                       AND bit_count(CAST(simhash # ?7 AS bit(64))) <= ?8)
                ORDER BY (canonical_url = ?1 OR content_hash = ?2) DESC
                LIMIT 1""")
                .setParameter(1, fingerprint.canonicalUrl())
                .setParameter(2, fingerprint.contentHash())
                .setParameter(3, SimHash.band(hash, 0))
                .setParameter(4, SimHash.band(hash, 1))
                .setParameter(5, SimHash.band(hash, 2))
                .setParameter(6, SimHash.band(hash, 3))
                .setParameter(7, hash)
                .setParameter(8, NEAR_DUPLICATE_BITS)
                .getResultList();
        return found.stream().findFirst().map(id -> (UUID) id);
    }

    /** Remembers the article; false if another request remembered the same article first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remember(Fingerprint fingerprint) {
        int inserted = SeenArticle.getEntityManager().createNativeQuery("""
                INSERT INTO seen_article (article_id, canonical_url, content_hash, simhash, band0, band1, band2, band3, seen_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING""")
                .setParameter(1, fingerprint.articleId())
                .setParameter(2, fingerprint.canonicalUrl())
                .setParameter(3, fingerprint.contentHash())
                .setParameter(4, fingerprint.simhash())
                .setParameter(5, SimHash.band(fingerprint.simhash(), 0))
                .setParameter(6, SimHash.band(fingerprint.simhash(), 1))
                .setParameter(7, SimHash.band(fingerprint.simhash(), 2))
                .setParameter(8, SimHash.band(fingerprint.simhash(), 3))
                .setParameter(9, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(UUID articleId) {
        SeenArticle.deleteById(articleId);
    }
}

package dev.accord.catalog.service;

import dev.accord.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Stored mentions as merge candidates, by mention id, so that a batch reads in full only the
 * candidates this replica has not read before; for the others the database returns just their ids.
 * What is kept never changes once committed (a mention keeps its entry, words and time; an entry
 * keeps its first-seen time), and only rows read from the database are kept, so an entry is never
 * stale. The least recently used are dropped beyond {@code accord.catalog.merge.candidate-cache-size}.
 */
@ApplicationScoped
public class MergeCandidateCache {

    private final Map<UUID, MergeCandidates.Candidate> byMention;

    public MergeCandidateCache(CatalogConfig config) {
        int capacity = config.merge().candidateCacheSize();
        byMention = new LinkedHashMap<>(1 << 12, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, MergeCandidates.Candidate> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized MergeCandidates.Candidate get(UUID mentionId) {
        return byMention.get(mentionId);
    }

    synchronized void put(UUID mentionId, MergeCandidates.Candidate candidate) {
        byMention.put(mentionId, candidate);
    }
}

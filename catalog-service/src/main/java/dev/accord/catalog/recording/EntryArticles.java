package dev.accord.catalog.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The articles list of the entries a batch touches, kept in memory as the batch adds mentions: the
 * first {@code limit} distinct articles in the order they first mentioned the entry (by mention time,
 * then mention id in PostgreSQL's uuid order), as {@code InitiativeRows.firstArticlesOf} reads them
 * from the database. Only those first mentions are kept: a later one can never enter the list.
 */
final class EntryArticles {

    /** One mention of an entry, as far as its articles list is concerned. */
    record Ref(Instant mentionedAt, UUID extractedId, UUID articleId) {
    }

    /** PostgreSQL compares uuids as unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    private static final Comparator<UUID> PG_UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };
    private static final Comparator<Ref> ORDER = Comparator.comparing(Ref::mentionedAt)
            .thenComparing(Ref::extractedId, PG_UUID_ORDER);

    private final Map<UUID, List<Ref>> byEntry;
    private final int limit;

    EntryArticles(Map<UUID, List<Ref>> stored, int limit) {
        this.byEntry = new HashMap<>(stored);
        this.limit = limit;
    }

    /** Adds a mention to its entry and returns the entry's articles list with it. */
    List<UUID> add(UUID entryId, Ref mention) {
        List<Ref> mentions = byEntry.computeIfAbsent(entryId, id -> new ArrayList<>());
        mentions.add(mention);
        mentions.sort(ORDER);
        // Keep each article's first mention, and only the first articles: the rest cannot be listed.
        Set<UUID> seen = new HashSet<>();
        mentions.removeIf(ref -> seen.size() >= limit || !seen.add(ref.articleId()));
        return mentions.stream().map(Ref::articleId).toList();
    }
}

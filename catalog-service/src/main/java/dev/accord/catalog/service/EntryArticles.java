package dev.accord.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The articles list of the entries a batch touches, kept in memory as the batch adds mentions: the
 * distinct articles in the order they first mentioned the entry (by mention time, then mention id in
 * PostgreSQL's uuid order), as {@code Mention.articlesOf} reads them from the database.
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

    EntryArticles(Map<UUID, List<Ref>> stored) {
        this.byEntry = new HashMap<>(stored);
    }

    /** Adds a mention to its entry and returns the entry's articles list with it. */
    List<UUID> add(UUID entryId, Ref mention) {
        List<Ref> mentions = byEntry.computeIfAbsent(entryId, id -> new ArrayList<>());
        mentions.add(mention);
        mentions.sort(ORDER);
        return mentions.stream().map(Ref::articleId).distinct().toList();
    }
}

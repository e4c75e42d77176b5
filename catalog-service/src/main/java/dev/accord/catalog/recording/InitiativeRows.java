package dev.accord.catalog.recording;

import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.OutboxEvent;
import dev.accord.catalog.domain.StageChange;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reads and writes of one batch of extracted initiatives, in plain JDBC on the transaction's
 * connection: one statement per kind of read for the whole batch, and batched INSERTs (rewritten to
 * multi-row inserts by the driver) instead of a flush and a round trip per row. Rows are written in
 * the batch's order, so identity keys (stage history, outbox) keep each entry's events in order.
 */
final class InitiativeRows {

    private InitiativeRows() {
    }

    /** Records the event ids as processed; returns those that were not before (each once). */
    static Set<String> markProcessed(Connection c, Collection<String> eventIds) throws SQLException {
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO processed_event (event_id, processed_at) "
                + "SELECT id, now() FROM unnest(?) AS id ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
            insert.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    /** Which of the extracted initiatives already have their mention. */
    static Set<UUID> existingMentions(Connection c, Collection<UUID> extractedIds) throws SQLException {
        Set<UUID> found = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement("SELECT extracted_id FROM mention WHERE extracted_id = ANY(?)")) {
            query.setArray(1, c.createArrayOf("uuid", extractedIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    /** The source of each of these articles that is already in the catalog. */
    static Map<UUID, String> sources(Connection c, Collection<UUID> articleIds) throws SQLException {
        Map<UUID, String> sources = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT id, source FROM article WHERE id = ANY(?)")) {
            query.setArray(1, c.createArrayOf("uuid", articleIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sources.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return sources;
    }

    /** The entries, locked for update until the transaction ends (in id order, so lockers never wait in a cycle). */
    static Map<UUID, Initiative> lockEntries(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, Initiative> entries = new HashMap<>();
        if (ids.isEmpty()) {
            return entries;
        }
        try (PreparedStatement query = c.prepareStatement("SELECT id, title, summary, evidence, evidence_start, "
                + "evidence_end, countries, organisations, topics, stage, confidence, extractor_version, first_seen_at, "
                + "updated_at FROM initiative WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            query.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Initiative entry = new Initiative();
                    entry.id = rows.getObject(1, UUID.class);
                    entry.title = rows.getString(2);
                    entry.summary = rows.getString(3);
                    entry.evidence = rows.getString(4);
                    entry.evidenceStart = rows.getInt(5);
                    entry.evidenceEnd = rows.getInt(6);
                    entry.countries = strings(rows.getArray(7));
                    entry.organisations = strings(rows.getArray(8));
                    entry.topics = strings(rows.getArray(9));
                    entry.stage = rows.getString(10);
                    entry.confidence = rows.getDouble(11);
                    entry.extractorVersion = rows.getString(12);
                    entry.firstSeenAt = instant(rows, 13);
                    entry.updatedAt = instant(rows, 14);
                    entries.put(entry.id, entry);
                }
            }
        }
        return entries;
    }

    /**
     * Per entry, the first mention of each of its first {@code limit} articles (by mention time, then
     * mention id), as the articles list of their events needs them: bounded however many articles
     * have reported an entry. Walking an entry's mentions in that order, an article's first mention is
     * the first one met, so the first mentions read through the index (V8) suffice; only an entry whose
     * read ends before {@code limit} articles were found is read again, in full.
     */
    static Map<UUID, List<EntryArticles.Ref>> firstArticlesOf(Connection c, Collection<UUID> entryIds, int limit)
            throws SQLException {
        Map<UUID, List<EntryArticles.Ref>> articles = new HashMap<>();
        if (entryIds.isEmpty() || limit <= 0) {
            return articles;
        }
        // Articles rarely report an entry twice: twice the limit of mentions almost always holds enough of them.
        int read = Math.max(limit * 2, limit + 10);
        Map<UUID, Integer> rows = firstMentions(c, entryIds, read, articles, limit);
        List<UUID> shortRead = entryIds.stream()
                .filter(id -> rows.getOrDefault(id, 0) == read && articles.get(id).size() < limit).toList();
        if (!shortRead.isEmpty()) {
            shortRead.forEach(articles::remove);
            firstMentions(c, shortRead, Integer.MAX_VALUE, articles, limit);
        }
        return articles;
    }

    /** Reads up to {@code read} first mentions of each entry in order, keeping each article's first; returns the rows read per entry. */
    private static Map<UUID, Integer> firstMentions(Connection c, Collection<UUID> entryIds, int read,
            Map<UUID, List<EntryArticles.Ref>> into, int limit) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        Map<UUID, Set<UUID>> seen = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT e.id, m.mentioned_at, m.extracted_id, m.article_id"
                + " FROM unnest(?) AS e(id) CROSS JOIN LATERAL (SELECT mentioned_at, extracted_id, article_id FROM mention"
                + " WHERE initiative_id = e.id ORDER BY mentioned_at, extracted_id LIMIT ?) m")) {
            query.setArray(1, c.createArrayOf("uuid", entryIds.toArray()));
            query.setInt(2, read);
            query.setFetchSize(10_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID entry = rows.getObject(1, UUID.class);
                    counts.merge(entry, 1, Integer::sum);
                    List<EntryArticles.Ref> list = into.computeIfAbsent(entry, id -> new ArrayList<>());
                    UUID article = rows.getObject(4, UUID.class);
                    if (list.size() < limit && seen.computeIfAbsent(entry, id -> new HashSet<>()).add(article)) {
                        list.add(new EntryArticles.Ref(instant(rows, 2), rows.getObject(3, UUID.class), article));
                    }
                }
            }
        }
        return counts;
    }

    static void insertEntries(Connection c, Collection<Initiative> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO initiative (id, title, summary, evidence, "
                + "evidence_start, evidence_end, countries, organisations, topics, stage, confidence, extractor_version, "
                + "first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Initiative entry : entries) {
                insert.setObject(1, entry.id);
                insert.setString(2, entry.title);
                insert.setString(3, entry.summary);
                insert.setString(4, entry.evidence);
                insert.setInt(5, entry.evidenceStart);
                insert.setInt(6, entry.evidenceEnd);
                insert.setArray(7, texts(c, entry.countries));
                insert.setArray(8, texts(c, entry.organisations));
                insert.setArray(9, texts(c, entry.topics));
                insert.setString(10, entry.stage);
                insert.setDouble(11, entry.confidence);
                insert.setString(12, entry.extractorVersion);
                insert.setObject(13, time(entry.firstSeenAt));
                insert.setObject(14, time(entry.updatedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Writes what a mention may change of an entry: parties, topics, confidence, stage, update time. */
    static void updateEntries(Connection c, Collection<Initiative> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE initiative SET countries = ?, organisations = ?, "
                + "topics = ?, confidence = ?, stage = ?, updated_at = ? WHERE id = ?")) {
            for (Initiative entry : entries) {
                update.setArray(1, texts(c, entry.countries));
                update.setArray(2, texts(c, entry.organisations));
                update.setArray(3, texts(c, entry.topics));
                update.setDouble(4, entry.confidence);
                update.setString(5, entry.stage);
                update.setObject(6, time(entry.updatedAt));
                update.setObject(7, entry.id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static void insertMentions(Connection c, List<Mention> mentions) throws SQLException {
        if (mentions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mention (extracted_id, initiative_id, "
                + "article_id, source, title, evidence, stage, mentioned_at, countries, organisations, party_keys, "
                + "title_terms, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Mention mention : mentions) {
                insert.setObject(1, mention.extractedId);
                insert.setObject(2, mention.initiativeId);
                insert.setObject(3, mention.articleId);
                insert.setString(4, mention.source);
                insert.setString(5, mention.title);
                insert.setString(6, mention.evidence);
                insert.setString(7, mention.stage);
                insert.setObject(8, time(mention.mentionedAt));
                insert.setArray(9, texts(c, mention.countries));
                insert.setArray(10, texts(c, mention.organisations));
                insert.setArray(11, texts(c, mention.partyKeys));
                insert.setArray(12, texts(c, mention.titleTerms));
                insert.setArray(13, texts(c, mention.terms));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insertStages(Connection c, List<StageChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stage_history (initiative_id, stage, "
                + "previous_stage, extracted_id, article_id, changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (StageChange change : changes) {
                insert.setObject(1, change.initiativeId);
                insert.setString(2, change.stage);
                insert.setString(3, change.previousStage);
                insert.setObject(4, change.extractedId);
                insert.setObject(5, change.articleId);
                insert.setObject(6, time(change.changedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Mentions consumed before their article learn its source now. One statement over arrays rather than a JDBC
     * batch: a batch cut off by a lost connection trips an assertion inside the driver when assertions are on.
     */
    static void giveMentionsTheirSource(Connection c, List<Article> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE mention m SET source = r.source
                FROM unnest(?::uuid[], ?::text[]) AS r (article_id, source)
                WHERE m.article_id = r.article_id AND m.source IS NULL""")) {
            update.setArray(1, c.createArrayOf("uuid", articles.stream().map(a -> a.id).toArray()));
            update.setArray(2, c.createArrayOf("text", articles.stream().map(a -> a.source).toArray()));
            update.executeUpdate();
        }
    }

    /** The rows in one statement, numbered (their {@code id}) in the order given, which is the order they are relayed. */
    static void insertOutbox(Connection c, List<OutboxEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outbox (event_id, event_type, aggregate_id, payload, created_at, traceparent)
                SELECT r.event_id, r.event_type, r.aggregate_id, r.payload, r.created_at::timestamptz, r.traceparent
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                    AS r (event_id, event_type, aggregate_id, payload, created_at, traceparent, n)
                ORDER BY r.n""")) {
            insert.setArray(1, c.createArrayOf("uuid", events.stream().map(e -> e.eventId).toArray()));
            insert.setArray(2, c.createArrayOf("text", events.stream().map(e -> e.eventType).toArray()));
            insert.setArray(3, c.createArrayOf("uuid", events.stream().map(e -> e.aggregateId).toArray()));
            insert.setArray(4, c.createArrayOf("text", events.stream().map(e -> e.payload).toArray()));
            insert.setArray(5, c.createArrayOf("text", events.stream().map(e -> e.createdAt.toString()).toArray()));
            insert.setArray(6, c.createArrayOf("text", events.stream().map(e -> e.traceparent).toArray()));
            insert.executeUpdate();
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

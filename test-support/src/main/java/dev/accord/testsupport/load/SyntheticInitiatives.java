package dev.accord.testsupport.load;

import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventJson;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Initiative events shaped like the extractor's (title, one-sentence summary, evidence, two or three
 * countries, topics, stage), valid against initiative-extracted.v1, with made-up words in their
 * wording so that the catalog keeps each as an entry of its own instead of merging them. A few real
 * words recur, so that full-text queries find a share of them.
 */
public final class SyntheticInitiatives {

    public static final List<String> SEARCH_WORDS = List.of("satellite", "semiconductor", "shipbuilding", "vaccine",
            "hydrogen", "cyber", "fisheries", "scholarship");
    public static final List<String> COUNTRIES = List.of("US", "JP", "AU", "GB", "FR", "DE", "IN", "KR", "PH", "CA", "IT",
            "NL", "SE", "PL", "BR", "ZA", "NG", "ID", "VN", "MX");
    private static final List<String> ORGANISATIONS = List.of("NATO", "ASEAN", "NASA", "JAXA", "IAEA", "WHO");
    private static final List<String> TOPICS = List.of("defense", "intelligence", "space", "technology", "trade",
            "energy-climate", "health", "diplomacy", "culture", "education", "economy", "security");
    private static final List<String> STAGES = List.of("proposed", "planned", "announced", "launched", "expanded");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "de", "po", "zu",
        "fe", "ga", "hi", "ju", "be", "xo", "qui", "ny", "wa"};

    private final long salt;

    public SyntheticInitiatives(long salt) {
        this.salt = salt;
    }

    public InitiativeExtracted event(long n) {
        SplittableRandom random = new SplittableRandom(salt * 7_919L + n);
        UUID articleId = EventIds.articleId("bench:" + salt + ":" + n);
        String search = SEARCH_WORDS.get(random.nextInt(SEARCH_WORDS.size()));
        String name = capitalised(word(random)) + " " + capitalised(word(random));
        String title = name + " " + search + " compact";
        String evidence = "Officials said the " + name + " " + search + " compact would " + word(random) + " "
                + word(random) + " the " + word(random) + " " + word(random) + " under a " + word(random)
                + " framework signed on " + (1 + random.nextInt(28)) + " " + word(random) + ".";
        String summary = "Partners agreed the " + name + " compact on " + search + " to " + word(random) + " "
                + word(random) + " " + word(random) + ".";
        int start = 200 + random.nextInt(4000);
        LinkedHashSet<String> countries = new LinkedHashSet<>();
        int parties = 2 + random.nextInt(2);
        while (countries.size() < parties) {
            countries.add(COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        }
        List<String> organisations = random.nextInt(4) == 0
                ? List.of(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()))) : List.of();
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
        topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
        return new InitiativeExtracted(InitiativeExtracted.SCHEMA_VERSION, EventIds.initiativeId(articleId, evidence),
                articleId, title, summary, new Evidence(evidence, start, start + evidence.length()),
                new Parties(new ArrayList<>(countries), organisations), new ArrayList<>(topics),
                STAGES.get(random.nextInt(STAGES.size())), 0.5 + random.nextInt(50) / 100.0, "bench-1", null);
    }

    /** The columns of a catalog initiative row that {@link #bindRow} fills, in its parameter order. */
    public static final String ROW_COLUMNS = "id, title, summary, evidence, evidence_start, evidence_end, countries, "
            + "organisations, topics, stage, confidence, extractor_version, first_seen_at, updated_at";

    /** Event {@code n} as a binary-mode CloudEvent record for accord.initiatives, as ingest publishes it. */
    public ProducerRecord<String, String> record(long n) {
        InitiativeExtracted event = event(n);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INITIATIVES, event.id().toString(),
                EventJson.write(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId(event));
        header(record, "ce_type", EventTypes.INITIATIVE_EXTRACTED);
        header(record, "ce_source", "/accord/bench");
        header(record, "ce_subject", event.id().toString());
        header(record, "ce_time", OffsetDateTime.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** Binds {@code event} as a catalog initiative row ({@link #ROW_COLUMNS}), for the raw INSERT baselines. */
    public static void bindRow(Connection connection, PreparedStatement insert, InitiativeExtracted event)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        insert.setObject(1, event.id());
        insert.setString(2, event.title());
        insert.setString(3, event.summary());
        insert.setString(4, event.evidence().sentence());
        insert.setInt(5, event.evidence().start());
        insert.setInt(6, event.evidence().end());
        insert.setArray(7, connection.createArrayOf("text", event.parties().countries().toArray()));
        insert.setArray(8, connection.createArrayOf("text", event.parties().organisations().toArray()));
        insert.setArray(9, connection.createArrayOf("text", event.topics().toArray()));
        insert.setString(10, event.stage());
        insert.setDouble(11, event.confidence());
        insert.setString(12, event.extractorVersion());
        insert.setTimestamp(13, now);
        insert.setTimestamp(14, now);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String eventId(InitiativeExtracted event) {
        return EventIds.eventId(EventTypes.INITIATIVE_EXTRACTED, event.id(), "1").toString();
    }

    private static String word(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

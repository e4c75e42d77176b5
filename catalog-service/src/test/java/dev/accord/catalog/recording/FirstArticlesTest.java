package dev.accord.catalog.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The articles an entry's change events list: each article once, by its first mention, in mention order and
 * cut to the limit — also when one article reported the entry more often than the first read of its mentions
 * holds, so that the read has to go on.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class FirstArticlesTest {

    private static final Instant START = Instant.parse("2024-04-10T09:00:00Z");

    @Inject
    DataSource dataSource;

    @Test
    void eachArticleOnceByItsFirstMentionInOrderUpToTheLimit() throws SQLException {
        UUID repeated = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        List<UUID> article = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        try (Connection c = dataSource.getConnection()) {
            entry(c, repeated);
            entry(c, ordinary);
            // One article reports the first entry 14 times before any other article does.
            for (int i = 0; i < 14; i++) {
                mention(c, repeated, article.get(0), START.plusSeconds(10 + i));
            }
            mention(c, repeated, article.get(1), START.plusSeconds(30));
            mention(c, repeated, article.get(2), START.plusSeconds(31));
            mention(c, repeated, article.get(3), START.plusSeconds(32));
            mention(c, ordinary, article.get(4), START.plusSeconds(1));
            mention(c, ordinary, article.get(5), START.plusSeconds(2));
            mention(c, ordinary, article.get(4), START.plusSeconds(3));
            mention(c, ordinary, article.get(6), START.plusSeconds(4));
            mention(c, ordinary, article.get(7), START.plusSeconds(5));

            Map<UUID, List<EntryArticles.Ref>> firsts = InitiativeRows.firstArticlesOf(c, List.of(repeated, ordinary), 3);

            assertThat(firsts.get(repeated)).extracting(EntryArticles.Ref::articleId)
                    .containsExactly(article.get(0), article.get(1), article.get(2));
            assertThat(firsts.get(repeated).get(0).mentionedAt()).isEqualTo(START.plusSeconds(10));
            assertThat(firsts.get(ordinary)).extracting(EntryArticles.Ref::articleId)
                    .containsExactly(article.get(4), article.get(5), article.get(6));
            assertThat(InitiativeRows.firstArticlesOf(c, List.of(ordinary), 10).get(ordinary))
                    .extracting(EntryArticles.Ref::articleId)
                    .containsExactly(article.get(4), article.get(5), article.get(6), article.get(7));
        }
    }

    private static void entry(Connection c, UUID id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO initiative (id, title, summary, evidence,"
                + " evidence_start, evidence_end, countries, organisations, topics, stage, confidence, extractor_version,"
                + " first_seen_at, updated_at) VALUES (?, 'Lunar partnership', 'A lunar partnership.',"
                + " 'A Japanese astronaut will land on the Moon.', 0, 43, '{US,JP}', '{}', '{space}', 'announced', 0.9,"
                + " 'test', ?, ?)")) {
            insert.setObject(1, id);
            insert.setTimestamp(2, Timestamp.from(START));
            insert.setTimestamp(3, Timestamp.from(START));
            insert.executeUpdate();
        }
    }

    private static void mention(Connection c, UUID entry, UUID article, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mention (extracted_id, initiative_id,"
                + " article_id, title, evidence, stage, mentioned_at) VALUES (?, ?, ?, 'Lunar partnership',"
                + " 'A Japanese astronaut will land on the Moon.', 'announced', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, entry);
            insert.setObject(3, article);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}

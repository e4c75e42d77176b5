package dev.accord.catalog.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryArticlesTest {

    private static final UUID ENTRY = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2024-04-10T12:00:00Z");

    @Test
    void listsTheFirstArticlesOnlyUpToTheLimitInFirstMentionOrder() {
        EntryArticles articles = new EntryArticles(Map.of(), 3);
        List<UUID> ids = new ArrayList<>();
        List<UUID> listed = List.of();
        for (int i = 0; i < 10; i++) {
            UUID article = UUID.randomUUID();
            ids.add(article);
            listed = articles.add(ENTRY, ref(i, article));
        }
        assertThat(listed).containsExactly(ids.get(0), ids.get(1), ids.get(2));
    }

    @Test
    void anArticlesEarlierMentionMovesItUpAndALaterOneChangesNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        EntryArticles articles = new EntryArticles(Map.of(ENTRY, new ArrayList<>(List.of(ref(10, a), ref(20, b)))), 2);

        assertThat(articles.add(ENTRY, ref(30, a))).containsExactly(a, b);
        // Published earlier than both (events arrive out of order): it now comes first and b drops out.
        assertThat(articles.add(ENTRY, ref(5, c))).containsExactly(c, a);
        assertThat(articles.add(ENTRY, ref(15, b))).containsExactly(c, a);
    }

    private static EntryArticles.Ref ref(int seconds, UUID article) {
        return new EntryArticles.Ref(T0.plusSeconds(seconds), UUID.randomUUID(), article);
    }
}

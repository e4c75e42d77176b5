package dev.accord.catalog;

import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contract events as ingest would publish them, each with fresh ids so tests never share data. */
public final class CatalogTestEvents {

    private CatalogTestEvents() {
    }

    public static InitiativeExtracted initiative(UUID articleId, String sentence, String stage, String country) {
        return new InitiativeExtracted(1, EventIds.initiativeId(articleId, sentence), articleId, sentence, sentence,
                new Evidence(sentence, 0, sentence.length()), new Parties(List.of("US", country), List.of("NASA")),
                List.of("space"), stage, 0.7, "rules-0.1", "Example");
    }

    public static ArticleIngested article(UUID articleId, List<UUID> initiativeIds) {
        return new ArticleIngested(1, articleId, "https://example.org/" + articleId, "Example", "A title", null,
                Instant.now(), "en", "Some text.", "sha256:" + "b".repeat(64), List.of("space"), List.of("US", "JP"),
                List.of("NASA"), List.of(), initiativeIds);
    }

    public static String eventId() {
        return UUID.randomUUID().toString();
    }
}

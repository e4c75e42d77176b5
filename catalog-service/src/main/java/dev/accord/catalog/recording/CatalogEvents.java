package dev.accord.catalog.recording;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Maps catalog entities to the data of the events published on accord.catalog. */
@ApplicationScoped
public class CatalogEvents {

    private final CatalogConfig config;

    public CatalogEvents(CatalogConfig config) {
        this.config = config;
    }

    /**
     * A new entry, or an update: {@code change} is null for a new entry, else what changed;
     * {@code articles} are the entry's first articles, in first-mention order.
     */
    public CatalogInitiative of(Initiative entry, Mention cause, String change, String previousStage,
            List<UUID> articles) {
        return new CatalogInitiative(CatalogInitiative.SCHEMA_VERSION, entry.id, entry.title, entry.summary,
                new Evidence(entry.evidence, entry.evidenceStart, entry.evidenceEnd),
                new Parties(entry.countries, entry.organisations), entry.topics, entry.stage, entry.confidence,
                articles, entry.firstSeenAt, entry.updatedAt, initiativeUrl(entry.id), change,
                previousStage, new CatalogInitiative.Mention(cause.extractedId, cause.articleId, cause.source,
                        cause.title, cause.evidence, cause.stage, cause.mentionedAt));
    }

    public CatalogArticle of(Article article) {
        return new CatalogArticle(CatalogArticle.SCHEMA_VERSION, article.id, article.url, article.source, article.title,
                article.publishedAt, article.topics, article.countries, article.organisations, article.initiativeIds,
                articleUrl(article.id));
    }

    public String initiativeUrl(Object id) {
        return base() + "/api/initiatives/" + id;
    }

    public String articleUrl(Object id) {
        return base() + "/api/articles/" + id;
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }
}

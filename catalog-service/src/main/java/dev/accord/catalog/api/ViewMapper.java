package dev.accord.catalog.api;

import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.StageChange;
import dev.accord.catalog.query.CatalogQueries;
import dev.accord.catalog.recording.CatalogEvents;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.Parties;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entities stay inside the service; the API shows these views of them. */
@ApplicationScoped
public class ViewMapper {

    private final CatalogEvents links;

    public ViewMapper(CatalogEvents links) {
        this.links = links;
    }

    public InitiativeView summary(Initiative entry) {
        return view(entry, null, null);
    }

    public InitiativeView detail(Initiative entry, List<Mention> mentions, List<StageChange> history) {
        return view(entry,
                mentions.stream().map(m -> new InitiativeView.MentionView(m.articleId, links.articleUrl(m.articleId),
                        m.source, m.title, m.evidence, m.stage, m.mentionedAt)).toList(),
                history.stream().map(h -> new InitiativeView.StageView(h.stage, h.previousStage, h.articleId,
                        h.changedAt)).toList());
    }

    private InitiativeView view(Initiative entry, List<InitiativeView.MentionView> mentions,
            List<InitiativeView.StageView> history) {
        return new InitiativeView(entry.id, entry.title, entry.summary,
                new Evidence(entry.evidence, entry.evidenceStart, entry.evidenceEnd),
                new Parties(entry.countries, entry.organisations), entry.topics, entry.stage, entry.confidence,
                entry.firstSeenAt, entry.updatedAt, links.initiativeUrl(entry.id), mentions, history);
    }

    /** The article with the catalog entries it mentions (see {@link CatalogQueries#placements}), each once. */
    public ArticleView article(Article a, boolean withText, Map<UUID, UUID> placements) {
        List<UUID> entries = a.initiativeIds.stream().map(id -> placements.getOrDefault(id, id)).distinct().toList();
        return new ArticleView(a.id, a.url, a.source, a.title, a.publishedAt, a.ingestedAt, a.language, a.contentHash,
                a.topics, a.countries, a.organisations, a.people, entries, withText ? a.text : null);
    }
}

package dev.accord.catalog.service;

import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.ProcessedEvent;
import dev.accord.catalog.domain.Stage;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stores consumed events in the catalog. Each call is one transaction holding the change, its
 * outbox event and the consumed event's id, so a redelivered record finds its id and changes nothing.
 */
@ApplicationScoped
public class CatalogRecorder {

    private static final Logger LOG = Logger.getLogger(CatalogRecorder.class);

    private final Outbox outbox;
    private final CatalogEvents events;

    public CatalogRecorder(Outbox outbox, CatalogEvents events) {
        this.outbox = outbox;
        this.events = events;
    }

    @Transactional
    public void recordArticle(String eventId, ArticleIngested data) {
        if (!ProcessedEvent.markProcessed(eventId) || Article.findById(data.id()) != null) {
            LOG.debugf("Article %s (event %s) is already in the catalog", data.id(), eventId);
            return;
        }
        Article article = new Article();
        article.id = data.id();
        article.url = data.url();
        article.source = data.source();
        article.title = data.title();
        article.publishedAt = data.publishedAt();
        article.ingestedAt = data.ingestedAt();
        article.language = data.language();
        article.text = data.text();
        article.contentHash = data.contentHash();
        article.topics = data.topics();
        article.countries = data.countries();
        article.organisations = data.organisations();
        article.people = data.people();
        article.initiativeIds = data.initiativeIds();
        article.catalogedAt = Instant.now();
        article.persist();
        outbox.add(EventTypes.ARTICLE_CATALOGED, article.id, events.of(article));
    }

    @Transactional
    public void recordInitiative(String eventId, InitiativeExtracted data) {
        if (!ProcessedEvent.markProcessed(eventId)) {
            LOG.debugf("Event %s was processed before", eventId);
            return;
        }
        Instant now = Instant.now();
        Initiative entry = Initiative.findById(data.id());
        boolean isNew = entry == null;
        if (isNew) {
            entry = newEntry(data, now);
            entry.persist();
        }
        Mention.Key key = new Mention.Key(entry.id, data.articleId());
        if (Mention.findById(key) != null) {
            return;
        }
        addMention(key, data, now);
        if (isNew) {
            outbox.add(EventTypes.INITIATIVE_CATALOGED, entry.id, events.of(entry));
            return;
        }
        Stage current = Stage.parse(entry.stage).orElse(Stage.ANNOUNCED);
        Stage claimed = Stage.parse(data.stage()).orElse(current);
        if (current.isAdvancedBy(claimed)) {
            entry.stage = claimed.wire();
        }
        entry.updatedAt = now;
        outbox.add(EventTypes.INITIATIVE_UPDATED, entry.id, events.of(entry));
    }

    private static Initiative newEntry(InitiativeExtracted data, Instant now) {
        Initiative entry = new Initiative();
        entry.id = data.id();
        entry.title = data.title();
        entry.summary = data.summary();
        entry.evidence = data.evidence().sentence();
        entry.evidenceStart = data.evidence().start();
        entry.evidenceEnd = data.evidence().end();
        entry.countries = data.parties().countries();
        entry.organisations = data.parties().organisations();
        entry.topics = data.topics();
        entry.stage = data.stage();
        entry.confidence = data.confidence();
        entry.extractorVersion = data.extractorVersion();
        entry.firstSeenAt = now;
        entry.updatedAt = now;
        return entry;
    }

    private static void addMention(Mention.Key key, InitiativeExtracted data, Instant now) {
        Mention mention = new Mention();
        mention.key = key;
        mention.evidence = data.evidence().sentence();
        mention.stage = data.stage();
        mention.mentionedAt = now;
        mention.persist();
    }
}

package dev.accord.catalog.service;

import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.ProcessedEvent;
import dev.accord.catalog.domain.Stage;
import dev.accord.catalog.domain.StageChange;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.logging.EventLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores consumed events in the catalog, one transaction per batch. The transaction holds the
 * changes, their outbox events and the consumed events' ids, so a redelivered record finds its id
 * (or its natural key: the article id, the extracted initiative's mention) and changes nothing.
 */
@ApplicationScoped
public class CatalogRecorder {

    private static final Logger LOG = Logger.getLogger(CatalogRecorder.class);
    /** The CloudEvents id of an article's event is derived from this and the article id. */
    private static final String ARTICLE_CAUSE = "article";

    private final Outbox outbox;
    private final CatalogEvents events;
    private final InitiativeMerger merger;
    private final EntityManager em;

    public CatalogRecorder(Outbox outbox, CatalogEvents events, InitiativeMerger merger, EntityManager em) {
        this.outbox = outbox;
        this.events = events;
        this.merger = merger;
        this.em = em;
    }

    /** Returns how many of the events were already in the catalog (duplicates). */
    @Transactional
    public int recordArticles(List<ConsumedEvent<ArticleIngested>> batch) {
        int duplicates = 0;
        for (ConsumedEvent<ArticleIngested> event : batch) {
            try (EventLogContext log = EventLogContext.of(event.eventId())) {
                duplicates += recordArticle(event) ? 0 : 1;
            }
        }
        return duplicates;
    }

    /** Returns how many of the events were already in the catalog (duplicates). */
    @Transactional
    public int recordInitiatives(List<ConsumedEvent<InitiativeExtracted>> batch) {
        merger.lockParties(batch.stream().map(event -> features(event.data())).toList());
        int duplicates = 0;
        for (ConsumedEvent<InitiativeExtracted> event : batch) {
            try (EventLogContext log = EventLogContext.of(event.eventId())) {
                duplicates += recordInitiative(event) ? 0 : 1;
            }
        }
        return duplicates;
    }

    /** False when the article was already stored. */
    private boolean recordArticle(ConsumedEvent<ArticleIngested> event) {
        ArticleIngested data = event.data();
        if (!ProcessedEvent.markProcessed(event.eventId()) || Article.findById(data.id()) != null) {
            LOG.debugf("Article %s (event %s) is already in the catalog", data.id(), event.eventId());
            return false;
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
        // Mentions consumed before their article learn its source now.
        Mention.update("source = ?1 where articleId = ?2 and source is null", article.source, article.id);
        outbox.add(EventTypes.ARTICLE_CATALOGED, article.id, ARTICLE_CAUSE, events.of(article), event.traceparent());
        return true;
    }

    /** False when the mention was already stored. */
    private boolean recordInitiative(ConsumedEvent<InitiativeExtracted> event) {
        InitiativeExtracted data = event.data();
        if (!ProcessedEvent.markProcessed(event.eventId()) || Mention.findById(data.id()) != null) {
            LOG.debugf("Initiative %s (event %s) is already in the catalog", data.id(), event.eventId());
            return false;
        }
        InitiativeMatcher.Features features = features(data);
        Optional<UUID> existing = merger.entryFor(features, event.publishedAt());
        Instant now = Instant.now();
        Initiative entry = existing.map(id -> em.find(Initiative.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseGet(() -> newEntry(data, now));
        if (existing.isEmpty()) {
            entry.persist();
        }
        Mention mention = newMention(data, features, entry.id, event.publishedAt());
        mention.persist();
        String cause = "mention:" + data.id();
        if (existing.isEmpty()) {
            recordStage(entry, null, mention, now);
            outbox.add(EventTypes.INITIATIVE_CATALOGED, entry.id, cause, events.of(entry, mention, null, null),
                    event.traceparent());
            return true;
        }
        entry.countries = union(entry.countries, data.parties().countries());
        entry.organisations = union(entry.organisations, data.parties().organisations());
        entry.topics = union(entry.topics, data.topics());
        entry.confidence = Math.max(entry.confidence, data.confidence());
        entry.updatedAt = now;
        Stage current = Stage.parse(entry.stage).orElse(Stage.ANNOUNCED);
        Stage claimed = Stage.parse(data.stage()).orElse(current);
        String previousStage = null;
        if (current.isAdvancedBy(claimed)) {
            previousStage = entry.stage;
            entry.stage = claimed.wire();
            recordStage(entry, previousStage, mention, now);
        }
        String change = previousStage == null ? CatalogInitiative.CHANGE_MENTION : CatalogInitiative.CHANGE_STAGE;
        outbox.add(EventTypes.INITIATIVE_UPDATED, entry.id, cause, events.of(entry, mention, change, previousStage),
                event.traceparent());
        return true;
    }

    static InitiativeMatcher.Features features(InitiativeExtracted data) {
        return InitiativeMatcher.Features.of(data.title(), data.evidence().sentence(), data.parties().countries(),
                data.parties().organisations());
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

    private static Mention newMention(InitiativeExtracted data, InitiativeMatcher.Features features, UUID entryId,
            Instant publishedAt) {
        Mention mention = new Mention();
        mention.extractedId = data.id();
        mention.initiativeId = entryId;
        mention.articleId = data.articleId();
        mention.source = Article.<Article>findByIdOptional(data.articleId()).map(a -> a.source).orElse(null);
        mention.title = data.title();
        mention.evidence = data.evidence().sentence();
        mention.stage = data.stage();
        mention.mentionedAt = publishedAt;
        mention.countries = data.parties().countries();
        mention.organisations = data.parties().organisations();
        mention.partyKeys = features.partyKeys();
        mention.titleTerms = features.titleTerms();
        mention.terms = features.terms();
        return mention;
    }

    private void recordStage(Initiative entry, String previousStage, Mention mention, Instant now) {
        // The history row is inserted at once (identity key), so the entry it references must be written first.
        em.flush();
        StageChange change = new StageChange();
        change.initiativeId = entry.id;
        change.stage = entry.stage;
        change.previousStage = previousStage;
        change.extractedId = mention.extractedId;
        change.articleId = mention.articleId;
        change.changedAt = now;
        change.persist();
    }

    private static List<String> union(List<String> current, List<String> added) {
        LinkedHashSet<String> all = new LinkedHashSet<>(current);
        all.addAll(added);
        return new ArrayList<>(all);
    }
}

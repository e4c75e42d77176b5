package dev.accord.catalog.recording;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.OutboxEvent;
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
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
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
    private final int eventArticleIds;

    public CatalogRecorder(Outbox outbox, CatalogEvents events, InitiativeMerger merger, EntityManager em,
            CatalogConfig config) {
        this.outbox = outbox;
        this.events = events;
        this.merger = merger;
        this.em = em;
        this.eventArticleIds = config.eventArticleIds();
    }

    /**
     * Returns how many of the events were already in the catalog (duplicates). The new articles' outbox
     * rows and the sources they give earlier mentions go to the database in one batched statement each.
     */
    @Transactional
    public int recordArticles(List<ConsumedEvent<ArticleIngested>> batch) {
        int duplicates = 0;
        List<Article> stored = new ArrayList<>();
        List<OutboxEvent> outboxEvents = new ArrayList<>();
        for (ConsumedEvent<ArticleIngested> event : batch) {
            try (EventLogContext log = EventLogContext.of(event.eventId())) {
                Article article = recordArticle(event);
                if (article == null) {
                    duplicates++;
                } else {
                    stored.add(article);
                    outboxEvents.add(outbox.event(EventTypes.ARTICLE_CATALOGED, article.id, ARTICLE_CAUSE,
                            events.of(article), event.traceparent()));
                }
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            InitiativeRows.giveMentionsTheirSource(connection, stored);
            InitiativeRows.insertOutbox(connection, outboxEvents);
        });
        outbox.written(outboxEvents.size());
        return duplicates;
    }

    /**
     * Returns how many of the events were already in the catalog (duplicates). The batch is placed as a
     * whole: the stored merge candidates brought up to date ({@link MergeIndex}), then one statement each for
     * its processed ids, its known mentions, the entries it joins and its articles' sources, then batched
     * inserts of its rows. The result is the
     * one placing its events one by one in order gives: a mention sees the ones before it in the batch.
     */
    @Transactional
    public int recordInitiatives(List<ConsumedEvent<InitiativeExtracted>> batch) {
        List<InitiativeMatcher.Features> features = batch.stream().map(event -> features(event.data())).toList();
        merger.lockParties(features);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            // Merge candidates are read before the batch writes anything (see MergeIndex).
            try (MergeIndex.BatchPlacement merge = merger.placement(connection)) {
                return recordInitiatives(connection, merge, batch, features);
            }
        });
    }

    /** The article persisted, or null when it was already stored. */
    private Article recordArticle(ConsumedEvent<ArticleIngested> event) {
        ArticleIngested data = event.data();
        if (!ProcessedEvent.markProcessed(event.eventId()) || Article.findById(data.id()) != null) {
            LOG.debugf("Article %s (event %s) is already in the catalog", data.id(), event.eventId());
            return null;
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
        return article;
    }

    /** A new mention and the entry it goes to. */
    private record Placement(ConsumedEvent<InitiativeExtracted> event, InitiativeMatcher.Features features,
            UUID entryId, boolean startsEntry, Instant now) {
    }

    private int recordInitiatives(Connection connection, MergeIndex.BatchPlacement merge,
            List<ConsumedEvent<InitiativeExtracted>> batch,
            List<InitiativeMatcher.Features> features) throws SQLException {
        Set<String> fresh = InitiativeRows.markProcessed(connection,
                batch.stream().map(ConsumedEvent::eventId).toList());
        Set<UUID> known = InitiativeRows.existingMentions(connection,
                batch.stream().map(event -> event.data().id()).toList());
        Set<UUID> placed = new HashSet<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumedEvent<InitiativeExtracted> event = batch.get(i);
            if (fresh.remove(event.eventId()) && !known.contains(event.data().id()) && placed.add(event.data().id())) {
                accepted.add(i);
            } else {
                try (EventLogContext log = EventLogContext.of(event.eventId())) {
                    LOG.debugf("Initiative %s (event %s) is already in the catalog", event.data().id(), event.eventId());
                }
            }
        }
        if (accepted.isEmpty()) {
            return batch.size();
        }

        // Where each mention goes, in batch order; a mention may join an entry an earlier one started.
        List<Placement> placements = new ArrayList<>();
        Map<UUID, Instant> started = new HashMap<>();
        for (int i : accepted) {
            ConsumedEvent<InitiativeExtracted> event = batch.get(i);
            InitiativeMatcher.Features mention = features.get(i);
            Optional<MergeCandidates.Candidate> joined = merge.entryFor(mention, event.publishedAt());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            UUID entryId = joined.map(MergeCandidates.Candidate::entryId).orElse(event.data().id());
            Instant firstSeenAt = joined.map(MergeCandidates.Candidate::entryFirstSeenAt).orElse(now);
            if (joined.isEmpty()) {
                started.put(entryId, now);
            }
            merge.add(MergeCandidates.Candidate.of(entryId, firstSeenAt, mention, mention.partyKeys()),
                    event.publishedAt());
            placements.add(new Placement(event, mention, entryId, joined.isEmpty(), now));
        }

        Set<UUID> storedEntries = new TreeSet<>();
        placements.stream().map(Placement::entryId).filter(id -> !started.containsKey(id)).forEach(storedEntries::add);
        Map<UUID, Initiative> entries = new LinkedHashMap<>(InitiativeRows.lockEntries(connection, storedEntries));
        EntryArticles articles = new EntryArticles(InitiativeRows.firstArticlesOf(connection, storedEntries, eventArticleIds),
                eventArticleIds);
        Map<UUID, String> sources = InitiativeRows.sources(connection,
                placements.stream().map(p -> p.event().data().articleId()).collect(Collectors.toSet()));

        List<Initiative> newEntries = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        List<StageChange> stages = new ArrayList<>();
        List<OutboxEvent> outboxEvents = new ArrayList<>();
        for (Placement placement : placements) {
            ConsumedEvent<InitiativeExtracted> event = placement.event();
            try (EventLogContext log = EventLogContext.of(event.eventId())) {
                InitiativeExtracted data = event.data();
                Mention mention = newMention(data, placement.features(), placement.entryId(), event.publishedAt(),
                        // The article's own record when it is in; until then what the extraction event says.
                        sources.getOrDefault(data.articleId(), data.source()));
                mentions.add(mention);
                List<UUID> entryArticles = articles.add(placement.entryId(),
                        new EntryArticles.Ref(mention.mentionedAt, mention.extractedId, mention.articleId));
                String cause = "mention:" + data.id();
                if (placement.startsEntry()) {
                    Initiative entry = newEntry(data, placement.now());
                    entries.put(entry.id, entry);
                    newEntries.add(entry);
                    stages.add(stageChange(entry, null, mention, placement.now()));
                    outboxEvents.add(outbox.event(EventTypes.INITIATIVE_CATALOGED, entry.id, cause,
                            events.of(entry, mention, null, null, entryArticles), event.traceparent()));
                    continue;
                }
                Initiative entry = entries.get(placement.entryId());
                entry.countries = union(entry.countries, data.parties().countries());
                entry.organisations = union(entry.organisations, data.parties().organisations());
                entry.topics = union(entry.topics, data.topics());
                entry.confidence = Math.max(entry.confidence, data.confidence());
                entry.updatedAt = placement.now();
                Stage current = Stage.parse(entry.stage).orElse(Stage.ANNOUNCED);
                Stage claimed = Stage.parse(data.stage()).orElse(current);
                String previousStage = null;
                if (current.isAdvancedBy(claimed)) {
                    previousStage = entry.stage;
                    entry.stage = claimed.wire();
                    stages.add(stageChange(entry, previousStage, mention, placement.now()));
                }
                String change = previousStage == null ? CatalogInitiative.CHANGE_MENTION : CatalogInitiative.CHANGE_STAGE;
                outboxEvents.add(outbox.event(EventTypes.INITIATIVE_UPDATED, entry.id, cause,
                        events.of(entry, mention, change, previousStage, entryArticles), event.traceparent()));
            }
        }
        // Entries first: mentions and stage history reference them.
        InitiativeRows.insertEntries(connection, newEntries);
        InitiativeRows.insertMentions(connection, mentions);
        InitiativeRows.insertStages(connection, stages);
        InitiativeRows.insertOutbox(connection, outboxEvents);
        outbox.written(outboxEvents.size());
        InitiativeRows.updateEntries(connection, storedEntries.stream().map(entries::get).toList());
        return batch.size() - placements.size();
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
            Instant publishedAt, String source) {
        Mention mention = new Mention();
        mention.extractedId = data.id();
        mention.initiativeId = entryId;
        mention.articleId = data.articleId();
        mention.source = source;
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

    private static StageChange stageChange(Initiative entry, String previousStage, Mention mention, Instant now) {
        StageChange change = new StageChange();
        change.initiativeId = entry.id;
        change.stage = entry.stage;
        change.previousStage = previousStage;
        change.extractedId = mention.extractedId;
        change.articleId = mention.articleId;
        change.changedAt = now;
        return change;
    }

    private static List<String> union(List<String> current, List<String> added) {
        LinkedHashSet<String> all = new LinkedHashSet<>(current);
        all.addAll(added);
        return new ArrayList<>(all);
    }
}

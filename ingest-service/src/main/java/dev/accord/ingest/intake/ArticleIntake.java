package dev.accord.ingest.intake;
import dev.accord.common.events.ArticleIngested;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.clean.BoilerplateCleaner;
import dev.accord.ingest.clean.CleanedArticle;
import dev.accord.ingest.config.IngestConfig;
import dev.accord.ingest.dedup.DuplicateDetector;
import dev.accord.ingest.extract.FoundInitiative;
import dev.accord.ingest.extract.InitiativeExtractor;
import dev.accord.ingest.messaging.EventPublisher;
import dev.accord.ingest.observability.IngestMetrics;
import dev.accord.ingest.tag.Tagger;
import dev.accord.ingest.tag.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The intake pipeline: fetch if needed, clean, extract, tag, then publish and wait for Kafka. */
@ApplicationScoped
public class ArticleIntake {

    private final BoilerplateCleaner cleaner;
    private final InitiativeExtractor extractor;
    private final Tagger tagger;
    private final PageFetcher fetcher;
    /** Articles whose publishing timed out, until it is known whether their events were committed after all. */
    private final Map<UUID, CompletableFuture<Boolean>> unsettled = new ConcurrentHashMap<>();
    private final DuplicateDetector duplicates;
    private final EventPublisher publisher;
    private final IngestConfig config;
    private final IngestMetrics metrics;

    public ArticleIntake(BoilerplateCleaner cleaner, InitiativeExtractor extractor,
            Tagger tagger, PageFetcher fetcher, DuplicateDetector duplicates, EventPublisher publisher,
            IngestConfig config, IngestMetrics metrics) {
        this.cleaner = cleaner;
        this.extractor = extractor;
        this.tagger = tagger;
        this.fetcher = fetcher;
        this.duplicates = duplicates;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    public IngestResult ingest(ArticleDraft draft) {
        ArticleDraft content = withContent(draft);
        long started = System.nanoTime();
        CleanedArticle article = cleaner.clean(content);
        String text = truncate(article.text());
        ArticleLength.check(text);
        String contentHash = "sha256:" + sha256(text);
        String url = article.canonicalUrl() != null ? UrlCanonicalizer.canonical(article.canonicalUrl())
                : "urn:accord:article:" + contentHash.substring(7);
        UUID articleId = EventIds.articleId(url);
        DuplicateDetector.Fingerprint fingerprint = DuplicateDetector.Fingerprint.of(articleId, url, contentHash, text);
        Optional<UUID> original = duplicates.originalOf(fingerprint);
        if (original.isPresent() && unsettled.containsKey(original.get())) {
            // An earlier request for this article timed out and its events may yet be committed: until that is
            // known, neither publish them again nor call this a duplicate of something that may not exist.
            throw new ProblemException(503, "Service Unavailable",
                    "An earlier submission of this article is still being published; retry later.", Map.of());
        }
        if (original.isPresent()) {
            metrics.produced(Topics.ARTICLES, IngestMetrics.DUPLICATE, 1);
            return IngestResult.duplicateOf(original.get());
        }

        String source = sourceOf(article, url);
        List<InitiativeExtracted> initiatives = extractor.extract(text).stream()
                .map(found -> toEvent(articleId, source, found)).toList();
        Tags tags = tagger.tag(text);
        metrics.extractionTook(System.nanoTime() - started);
        ArticleIngested event = new ArticleIngested(ArticleIngested.SCHEMA_VERSION, articleId, url,
                source, article.title(), article.publishedAt(), Instant.now(), article.language(), text,
                contentHash, tags.topics(), tags.countries(), tags.organisations(), tags.people(),
                initiatives.stream().map(InitiativeExtracted::id).toList());

        if (!duplicates.remember(fingerprint)) {
            // Another request took this article between our check and now.
            return IngestResult.duplicateOf(duplicates.originalOf(fingerprint).orElse(articleId));
        }
        try {
            publisher.publish(event, initiatives);
        } catch (EventPublisher.PublishFailed e) {
            // The fingerprint stays until the events' fate is known: a retry must not publish them twice.
            unsettled.put(articleId, e.settled());
            e.settled().whenComplete((committed, failure) -> {
                if (!Boolean.TRUE.equals(committed)) {
                    duplicates.forget(articleId);
                }
                unsettled.remove(articleId);
            });
            throw e;
        } catch (RuntimeException e) {
            duplicates.forget(articleId);
            throw e;
        }
        return new IngestResult(articleId, false,
                initiatives.stream().map(i -> new IngestResult.FoundInitiative(i.id(), i.title())).toList());
    }

    private ArticleDraft withContent(ArticleDraft draft) {
        if (draft.hasContent()) {
            return draft;
        }
        if (draft.url() == null || draft.url().isBlank()) {
            throw ProblemException.badRequest("Give the article as 'html', 'text', or a 'url' to fetch.");
        }
        PageFetcher.Page page = fetcher.fetch(draft.url());
        return new ArticleDraft(page.url().toString(), draft.title(), draft.source(), draft.publishedAt(), page.html(), null);
    }

    private static InitiativeExtracted toEvent(UUID articleId, String source, FoundInitiative found) {
        return new InitiativeExtracted(InitiativeExtracted.SCHEMA_VERSION,
                EventIds.initiativeId(articleId, found.evidence().text()), articleId, found.title(), found.summary(),
                new Evidence(found.evidence().text(), found.evidence().start(), found.evidence().end()),
                new Parties(found.countries(), found.organisations()), found.topics(), found.stage(),
                found.confidence(), InitiativeExtractor.VERSION, source);
    }

    private String truncate(String text) {
        return text.length() <= config.maxTextChars() ? text : text.substring(0, config.maxTextChars());
    }

    private static String sourceOf(CleanedArticle article, String url) {
        if (article.source() != null && !article.source().isBlank()) {
            return article.source();
        }
        String host = url.startsWith("http") ? URI.create(url).getHost() : null;
        return host == null ? "unknown" : host.replaceFirst("^www\\.", "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package dev.accord.ingest.feed;

import dev.accord.common.web.ProblemException;
import dev.accord.ingest.intake.IngestResult;
import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.config.IngestConfig;
import dev.accord.ingest.intake.ArticleIntake;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

/**
 * Ingests a new feed entry as if it had been pushed: its full content when the feed carries a whole
 * article ({@code content:encoded}, Atom content of at least {@code min-content-chars} characters of
 * text; shorter content is a teaser), else its page, fetched by {@link ArticleIntake}. When the page
 * cannot be had but the entry has a summary, the summary is ingested as the article's text, so a feed
 * that only links to unreachable pages still yields something.
 */
@ApplicationScoped
public class EntryIngester {

    private static final Logger LOG = Logger.getLogger(EntryIngester.class);

    private final ArticleIntake intake;
    private final int minContentChars;

    public EntryIngester(ArticleIntake intake, IngestConfig config) {
        this.intake = intake;
        this.minContentChars = config.feeds().minContentChars();
    }

    /** Never throws: whatever goes wrong with one entry is its outcome, so the other entries still go in. */
    public EntryOutcome ingest(FeedItem item, String source) {
        try {
            return outcome(intake(item, source));
        } catch (ProblemException e) {
            return EntryOutcome.failed(e.status() + " " + e.title() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Feed entry %s could not be ingested", item.key());
            return EntryOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Tries, in order: the entry's own content when it is a whole article, its page, its text (the
     * longer of content and summary). A 4xx (page unreachable, refused, nothing left after cleaning)
     * moves on to the next way; a 5xx (Kafka away) is nobody's fault here and ends the attempt.
     */
    private IngestResult intake(FeedItem item, String source) {
        String contentText = textOf(item.content());
        String text = longest(contentText, textOf(item.summary()));
        List<Supplier<IngestResult>> ways = new ArrayList<>();
        if (contentText.length() >= minContentChars) {
            ways.add(() -> intake.ingest(draft(item, source, item.content(), null)));
        }
        if (item.link() != null) {
            ways.add(() -> intake.ingest(draft(item, source, null, null)));
        }
        if (!text.isBlank()) {
            ways.add(() -> intake.ingest(draft(item, source, null, text)));
        }
        if (ways.isEmpty()) {
            throw ProblemException.badRequest("The entry has neither a link nor any text.");
        }
        ProblemException last = null;
        for (Supplier<IngestResult> way : ways) {
            try {
                return way.get();
            } catch (ProblemException e) {
                if (e.status() >= 500) {
                    throw e;
                }
                LOG.debugf("Feed entry %s: %s; trying the next way", item.key(), e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private static ArticleDraft draft(FeedItem item, String source, String html, String text) {
        return new ArticleDraft(item.link(), item.title(), source, item.publishedAt(), html, text);
    }

    private static EntryOutcome outcome(IngestResult result) {
        return EntryOutcome.ingested(result.articleId(), result.duplicate());
    }

    private static String textOf(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text().strip();
    }

    private static String longest(String a, String b) {
        return a.length() >= b.length() ? a : b;
    }
}

package dev.accord.ingest.clean;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes page furniture (navigation, share and subscribe blocks, cookie banners, comment sections, related
 * links) from an article's HTML or pasted text, keeping its paragraphs separated by blank lines, and reads
 * title, byline, publication time, canonical URL, source and language from the page where it states them.
 * What the submitter said about the article (title, source, time) wins over what the page says.
 */
@ApplicationScoped
public class BoilerplateCleaner {

    /** What the service assumes when neither the submitter nor the page names a language. */
    static final String DEFAULT_LANGUAGE = "en";
    // Below this many characters an extraction has likely pruned the article itself; try again more gently.
    private static final int SHORT_ARTICLE_CHARS = 500;
    // A first pass finding this much may have found a short story; an alternative must hold this share of it.
    private static final int SHORT_STORY_CHARS = 200;
    private static final double SHORT_STORY_HELD = 0.5;
    private static final Pattern BYLINE_LINE = Pattern.compile(
            "^(?i:by|von|par|por|door|af|av)\\s*:?\\s+(?:\\p{Lu}[\\p{L}.'’-]*(?:\\s*,\\s*|\\s+(?:and|&)\\s+|\\s+)?){1,10}$");
    // A teaser is a small part of the article it opens, and nearly all of its wording is the article's.
    private static final double TEASER_RATIO = 2.0;
    private static final int TEASER_MIN_GAIN_CHARS = 1500;
    private static final double TEASER_HELD = 0.8;
    // Bylines and datelines sit among the first few paragraphs, never further down.
    private static final int LEADING_PARAGRAPHS = 3;

    public CleanedArticle clean(ArticleDraft draft) {
        return draft.html() != null && !draft.html().isBlank() ? fromHtml(draft) : fromText(draft);
    }

    private CleanedArticle fromText(ArticleDraft draft) {
        PastedText pasted = PastedText.read(draft.text(), draft.title(), draft.source());
        return new CleanedArticle(String.join("\n\n", pasted.paragraphs()), pasted.title() == null ? "" : pasted.title(),
                draft.url(), pasted.source(), draft.publishedAt(), DEFAULT_LANGUAGE, null);
    }

    private CleanedArticle fromHtml(ArticleDraft draft) {
        String baseUrl = draft.url() == null ? "" : draft.url();
        Document page = Jsoup.parse(draft.html(), baseUrl);
        JsonLd ld = JsonLd.read(page);
        PageMetadata metadata = PageMetadata.read(page, ld);
        String title = PageMetadata.firstNonBlank(draft.title(), metadata.title());
        String reference = PageMetadata.firstNonBlank(ld.articleBody(), PageMetadata.meta(page, "og:description"),
                PageMetadata.meta(page, "description"));

        List<String> stated = EmbeddedArticle.fromJsonLd(ld);
        List<String> paragraphs = extract(page, true, title, metadata);
        if (length(paragraphs) < SHORT_ARTICLE_CHARS) {
            // Cleaning changed the page; each alternative starts from the page as it came.
            paragraphs = fallback(paragraphs, List.of(
                    () -> EmbeddedArticle.fromNodeTree(Jsoup.parse(draft.html(), baseUrl), reference, baseUrl)
                            .map(tree -> extract(tree, true, title, metadata)).orElse(List.of()),
                    () -> filtered(stated, title, metadata),
                    () -> extract(Jsoup.parse(draft.html(), baseUrl), false, title, metadata)));
        }
        paragraphs = fullerEmbedded(paragraphs, stated, title, metadata);
        return new CleanedArticle(String.join("\n\n", paragraphs), title == null ? "" : title,
                PageMetadata.firstNonBlank(metadata.canonicalUrl(), draft.url()),
                PageMetadata.firstNonBlank(draft.source(), metadata.siteName()),
                draft.publishedAt() != null ? draft.publishedAt() : metadata.publishedAt(),
                metadata.language() != null ? metadata.language() : DEFAULT_LANGUAGE, metadata.byline());
    }

    /**
     * When the page's markup yields (almost) no article, the first alternative that does: the article a
     * client-side app embeds, the publisher's JSON-LD text, a gentler cleaning that trusts no class names.
     */
    private static List<String> fallback(List<String> first, List<Supplier<List<String>>> alternatives) {
        List<String> best = first;
        for (Supplier<List<String>> alternative : alternatives) {
            List<String> paragraphs = alternative.get();
            if (length(paragraphs) >= SHORT_ARTICLE_CHARS && length(paragraphs) > length(first) && holdsFirstPass(paragraphs, first)) {
                return paragraphs;
            }
            if (best.isEmpty() && length(paragraphs) > length(best)) {
                best = paragraphs;
            }
        }
        return best;
    }

    /**
     * Whether an alternative holds the short article the first pass found, as a fuller reading of the same page
     * must: a longer text without it is what the first pass rightly pruned (a comment thread under a short story).
     */
    private static boolean holdsFirstPass(List<String> alternative, List<String> first) {
        if (length(first) < SHORT_STORY_CHARS) {
            return true;
        }
        return EmbeddedArticle.Shingles.containment(EmbeddedArticle.Shingles.of(String.join(" ", first)),
                EmbeddedArticle.Shingles.of(String.join(" ", alternative))) >= SHORT_STORY_HELD;
    }

    /**
     * A page whose markup shows only the start of its article (a paywall's teaser, a "read more" cut) while
     * its JSON-LD states the whole: the stated text, when it is much longer and holds what the markup showed.
     */
    private static List<String> fullerEmbedded(List<String> extracted, List<String> stated, String title, PageMetadata metadata) {
        int shown = length(extracted);
        int whole = length(stated);
        if (shown == 0 || whole < shown * TEASER_RATIO || whole - shown < TEASER_MIN_GAIN_CHARS) {
            return extracted;
        }
        double held = EmbeddedArticle.Shingles.containment(EmbeddedArticle.Shingles.of(String.join(" ", extracted)),
                EmbeddedArticle.Shingles.of(String.join(" ", stated)));
        return held >= TEASER_HELD ? filtered(stated, title, metadata) : extracted;
    }

    private static int length(List<String> paragraphs) {
        return String.join("\n\n", paragraphs).length();
    }

    private static List<String> extract(Document page, boolean pruneByNames, String title, PageMetadata metadata) {
        Set<String> headings = new LinkedHashSet<>();
        addKey(headings, title);
        addKey(headings, metadata.title());
        for (Element h1 : page.body().select("h1")) {
            addKey(headings, h1.text());
        }
        PagePruner.prune(page, pruneByNames);
        Element article = new Element("div");
        for (Element part : MainContentFinder.find(page.body())) {
            article.appendChild(part);
        }
        ContentTidier.tidy(article);
        return filtered(BlockText.paragraphs(article), headings, metadata);
    }

    private static List<String> filtered(List<String> paragraphs, String title, PageMetadata metadata) {
        Set<String> headings = new LinkedHashSet<>();
        addKey(headings, title);
        addKey(headings, metadata.title());
        return filtered(paragraphs, headings, metadata);
    }

    /** Without furniture lines, repeated headlines, a leading byline, or repeats. */
    private static List<String> filtered(List<String> paragraphs, Set<String> headings, PageMetadata metadata) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String paragraph : paragraphs.subList(0, BoilerplateLines.commentThreadStart(paragraphs))) {
            String key = key(paragraph);
            boolean leading = kept.size() < LEADING_PARAGRAPHS;
            if (BoilerplateLines.isFurniture(paragraph) || headings.contains(key)
                    || leading && isByline(paragraph, metadata.byline()) || !seen.add(key)) {
                continue;
            }
            kept.add(paragraph);
        }
        return kept;
    }

    private static boolean isByline(String paragraph, String byline) {
        return BYLINE_LINE.matcher(paragraph).matches()
                || byline != null && key(paragraph).equals(key(byline));
    }

    private static void addKey(Set<String> keys, String text) {
        if (text != null && !text.isBlank()) {
            keys.add(key(text));
        }
    }

    private static String key(String text) {
        return BlockText.normalise(text).toLowerCase(Locale.ROOT);
    }
}

package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class}, {@code id}, {@code role} and {@code itemprop} say about it: article text
 * ("article-body", "entry-content") or page furniture ("share-bar", "comments", "related-stories").
 *
 * <p>Names are split into words at dashes, underscores, spaces and camelCase humps, so "shareBar" and
 * "share-bar" both say "share" while "shadow" or "header-loads" do not say "ad".
 */
final class ClassHints {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern POST_CLASS = Pattern.compile("(?:^|\\s)(?:hentry|type-post|post-\\d+)(?:\\s|$)");
    private static final Pattern TAXONOMY_CLASS = Pattern.compile("(?:^|(?<=\\s))(?:tag|category)-\\S+");

    /** Words naming the article's own text. */
    private static final Set<String> POSITIVE_WORDS = Set.of("article", "articlebody", "body", "content", "entry",
            "main", "post", "story", "storybody", "text", "blog", "hentry", "prose", "column", "news");
    /** Stems naming article text when a word starts with them ("articletext", "contents"). */
    private static final List<String> POSITIVE_STEMS = List.of("article", "content", "story", "entry");

    /** Words naming page furniture; only whole words, since most are short or common inside other words. */
    private static final Set<String> NEGATIVE_WORDS = Set.of("ad", "ads", "adv", "advert", "nav", "navbar", "menu",
            "tags", "tag", "topics", "bio", "meta", "header", "masthead", "banner", "skip", "print", "modal", "popup",
            "login", "signin", "pager", "pagination", "caption", "credit", "credits", "byline", "dateline", "extra",
            "footer", "foot", "sidebar", "aside", "rail", "breadcrumb", "breadcrumbs", "widget", "widgets", "promo",
            "sponsor", "sponsored", "outbrain", "taboola", "trending", "popular", "mostread", "recirc",
            "tools", "toolbar", "utility", "hidden", "rss", "shoutbox", "combx", "community", "remark", "replies",
            "reply", "agegate", "supplemental", "overlay", "paywall", "subnav", "teaser", "teasers", "card", "cards",
            "author", "timestamp", "date", "follow", "feedback", "alert", "disclaimer", "copyright", "legal",
            "newsletters", "signup", "register", "registration", "flyout", "dropdown", "search", "sticky",
            "ribbon");
    /** Stems that name furniture whatever follows them ("comments", "sharebar", "subscribe", "newsletter"). */
    private static final List<String> NEGATIVE_STEMS = List.of("comment", "disqus", "share", "sharing", "social",
            "related", "recommend", "newsletter", "subscri", "cookie", "consent", "gdpr", "advert", "sponsor",
            "promo", "sidebar", "footer", "breadcrumb", "outbrain", "taboola", "trending", "widget", "signup",
            "nav", "menu", "popup", "modal", "paywall");
    /**
     * Furniture words that outweigh any content word: "comment-content" and "related-articles" are not the
     * article even though they say "content" and "article".
     */
    private static final List<String> DECISIVE_STEMS = List.of("comment", "disqus", "share", "sharing", "social",
            "related", "recommend", "newsletter", "subscri", "cookie", "consent", "gdpr", "outbrain", "taboola",
            "trending", "breadcrumb", "paywall", "promo", "advert", "sponsor", "pullquote");
    /** Whole words that outweigh content words likewise: "post-body-bio" is a biography, not the post. */
    private static final Set<String> DECISIVE_WORDS = Set.of("bio", "byline", "caption", "credit", "credits",
            "ad", "ads");

    private ClassHints() {
    }

    /** +1 for words naming article text, -1 for furniture, 0 for neither or both (undecided). */
    static int sign(Element element) {
        List<String> words = words(element);
        if (words.isEmpty()) {
            return 0;
        }
        boolean negative = false;
        boolean positive = false;
        // "pull-quote" is two words; "pull" alone is a float ("pull-right") and says nothing.
        if (isPullQuote(words)) {
            return -1;
        }
        for (String word : words) {
            if (DECISIVE_WORDS.contains(word) || startsWithAny(word, DECISIVE_STEMS)) {
                return -1;
            }
            negative |= NEGATIVE_WORDS.contains(word) || startsWithAny(word, NEGATIVE_STEMS);
            positive |= POSITIVE_WORDS.contains(word) || startsWithAny(word, POSITIVE_STEMS);
        }
        return positive == negative ? 0 : positive ? 1 : -1;
    }

    private static boolean isPullQuote(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("pull") && words.get(i + 1).startsWith("quote")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name says furniture so plainly ("comments", "share", "related", "byline") that no prose saves it. */
    static boolean isDecisivelyFurniture(Element element) {
        List<String> words = words(element);
        if (isPullQuote(words)) {
            return true;
        }
        for (String word : words) {
            if (DECISIVE_WORDS.contains(word) || startsWithAny(word, DECISIVE_STEMS)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the element's names say furniture and nothing says article text. */
    static boolean isFurniture(Element element) {
        return sign(element) < 0;
    }

    static List<String> words(Element element) {
        List<String> words = new ArrayList<>();
        addWords(withoutTaxonomy(element.className()), words);
        addWords(element.id(), words);
        addWords(element.attr("role"), words);
        addWords(element.attr("itemprop"), words);
        addWords(element.attr("data-component"), words);
        return words;
    }

    /**
     * A blog post's class list names its tags and categories ("hentry tag-social-media category-video"): they say
     * what the post is about, not what the element is, and "social" there is no share bar.
     */
    private static String withoutTaxonomy(String classes) {
        if (!POST_CLASS.matcher(classes).find()) {
            return classes;
        }
        return TAXONOMY_CLASS.matcher(classes).replaceAll(" ");
    }

    private static void addWords(String names, List<String> words) {
        if (names.isEmpty()) {
            return;
        }
        // camelCase humps become separate words: "shareBar" -> "share Bar".
        String spaced = CAMEL_HUMP.matcher(names).replaceAll("$1 $2");
        for (String word : NON_WORD.split(spaced.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
    }

    private static boolean startsWithAny(String word, List<String> stems) {
        for (String stem : stems) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}

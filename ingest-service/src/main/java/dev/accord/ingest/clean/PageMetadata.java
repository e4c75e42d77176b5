package dev.accord.ingest.clean;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself: title, byline, publication time, canonical URL, language and site name, read
 * from its meta tags, JSON-LD, microdata and markup, each falling back to the next where a page is silent.
 * Any field may be null.
 */
record PageMetadata(String title, String byline, Instant publishedAt, String canonicalUrl, String language,
        String siteName) {

    // What the event contract accepts as a language tag.
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    // The article event's limits on its URL, title and source (a page may state anything).
    private static final int MAX_URL_CHARS = 2048;
    private static final int MAX_TITLE_CHARS = 1000;
    private static final int MAX_SITE_NAME_CHARS = 200;
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—»·:]{1,2}\\s+");
    /** What sets a site name on: dashes, bars, colons (also full-width), the Hangul bar ㅣ; trailing. */
    private static final Pattern ATTACHED_SEPARATOR = Pattern.compile("[\\s|｜\\-–—»·:：_/ㅣ]+$");
    private static final int MIN_HEADLINE_CHARS = 4;
    /** "A, B and C" is the list "A, B, C": the last name joined by a conjunction (as bylines set it in several languages). */
    private static final Pattern LAST_NAME_JOINED = Pattern.compile("(?:\\s*,\\s*|\\s+)(?:and|und|og|och|et|en|y|e|i|&)\\s+(?=\\p{Lu})");
    private static final Pattern BYLINE_DATE = Pattern.compile("(?i)(?:^|\\s|[,|·–—-])\\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + "|\\d{1,2}\\.?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
            + "|(?:updated|published|posted)\\b)");
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^(?:by|von|par|por)\\s+");
    // A byline is a few names; anything longer is a paragraph that happens to sit in a byline slot.
    private static final int MAX_BYLINE_CHARS = 120;

    /** Reads the page before any of it is removed: bylines and times often sit in what cleaning drops. */
    static PageMetadata read(Document page) {
        return read(page, JsonLd.read(page));
    }

    static PageMetadata read(Document page, JsonLd ld) {
        return new PageMetadata(limit(title(page, ld), MAX_TITLE_CHARS), byline(page, ld), publishedAt(page, ld),
                canonicalUrl(page, ld), language(page, ld), limit(siteName(page, ld), MAX_SITE_NAME_CHARS));
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max).strip();
    }

    /**
     * The document title without its site name, when the page's first heading or its JSON-LD headline confirm it;
     * otherwise the social title (og:title), the JSON-LD headline, the bare document title, the first heading.
     */
    private static String title(Document page, JsonLd ld) {
        String siteName = siteName(page, ld);
        String heading = null;
        // Logos often sit in an h1 too: the site's name is no headline.
        for (Element h1 : page.select("h1")) {
            String text = BlockText.normalise(h1.text());
            if (!text.isEmpty() && !sameText(text, siteName)) {
                heading = text;
                break;
            }
        }
        String documentTitle = withoutSiteName(BlockText.normalise(page.title()), siteName, heading);
        String headline = ld.text("headline");
        if (!documentTitle.isEmpty() && (sameText(documentTitle, heading) || sameText(documentTitle, headline))) {
            return documentTitle;
        }
        String social = firstNonBlank(meta(page, "og:title"), meta(page, "twitter:title"));
        return firstNonBlank(social == null ? null : withoutSiteName(social, siteName, heading), headline,
                documentTitle, heading);
    }

    /** "Headline - Site" and "Site | Headline" lose the site's part. */
    private static String withoutSiteName(String title, String siteName, String heading) {
        String[] parts = TITLE_SEPARATOR.split(title);
        String site = siteName == null ? null : squeeze(siteName);
        if (parts.length < 2) {
            return site == null || site.isEmpty() ? title : withoutAttachedSiteName(title, site);
        }
        for (String part : parts) {
            if (sameText(part, heading)) {
                return part;
            }
        }
        if (site != null && !site.isEmpty()) {
            if (squeeze(parts[parts.length - 1]).equals(site)) {
                return title.substring(0, title.length() - parts[parts.length - 1].length())
                        .replaceFirst(TITLE_SEPARATOR.pattern() + "$", "").strip();
            }
            if (squeeze(parts[0]).equals(site)) {
                return title.substring(parts[0].length()).replaceFirst("^" + TITLE_SEPARATOR.pattern(), "").strip();
            }
        }
        return title;
    }

    /**
     * "Headline：朝日新聞デジタル", "Headline-정치ㅣ한국일보": a site name set on with a separator but no spaces. Only a
     * separator right before the name shows it is not the headline's own last words.
     */
    private static String withoutAttachedSiteName(String title, String site) {
        for (int start = title.length() - 1; start > 0; start--) {
            String tail = squeeze(title.substring(start));
            if (tail.length() > site.length()) {
                return title;
            }
            if (tail.equals(site) && Character.isLetterOrDigit(title.codePointAt(start))) {
                String rest = title.substring(0, start);
                String headline = ATTACHED_SEPARATOR.matcher(rest).replaceFirst("");
                boolean separated = !rest.substring(headline.length()).isBlank();
                return separated && squeeze(headline).length() >= MIN_HEADLINE_CHARS ? headline.strip() : title;
            }
        }
        return title;
    }

    private static boolean sameText(String a, String b) {
        return a != null && b != null && !a.isBlank() && squeeze(a).equals(squeeze(b));
    }

    /** Lower case, letters and digits only: "TheHill" and "The Hill" are one name. */
    private static String squeeze(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String byline(Document page, JsonLd ld) {
        List<String> candidates = new ArrayList<>();
        candidates.add(ld.authors());
        candidates.add(meta(page, "author"));
        candidates.add(meta(page, "article:author"));
        candidates.add(meta(page, "og:article:author"));
        candidates.add(meta(page, "dc.creator"));
        candidates.add(meta(page, "byl"));
        candidates.add(meta(page, "sailthru.author"));
        for (Element author : page.select("[itemprop=author]")) {
            Element name = author.selectFirst("[itemprop=name]");
            candidates.add(name != null ? valueOf(name) : valueOf(author));
        }
        for (Element author : page.select("[rel=author], .byline, .author, [class*=byline], [class*=author-name]")) {
            candidates.add(author.text());
        }
        for (String candidate : candidates) {
            String byline = cleanByline(candidate);
            if (byline != null) {
                return byline;
            }
        }
        return null;
    }

    private static String cleanByline(String raw) {
        if (raw == null) {
            return null;
        }
        String byline = BY_PREFIX.matcher(BlockText.normalise(raw)).replaceFirst("").strip();
        // "Dan Goodin - Apr 16, 2015 8:02 pm UTC": the time beside the name is the page's date, not its author.
        Matcher date = BYLINE_DATE.matcher(byline);
        if (date.find() && date.start() > 0) {
            byline = ATTACHED_SEPARATOR.matcher(byline.substring(0, date.start())).replaceFirst("").strip();
        }
        // Profile links ("https://www.facebook.com/x") are not names.
        if (byline.isEmpty() || byline.length() > MAX_BYLINE_CHARS || byline.contains("://")
                || byline.startsWith("www.")) {
            return null;
        }
        // "X (with Y and Z)" is a sentence about the names, not their list.
        return byline.contains("(") ? byline : LAST_NAME_JOINED.matcher(byline).replaceAll(", ");
    }

    private static Instant publishedAt(Document page, JsonLd ld) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(page, "article:published_time"));
        candidates.add(meta(page, "og:published_time"));
        candidates.add(ld.text("datePublished"));
        for (Element element : page.select("[itemprop=datePublished]")) {
            candidates.add(valueOf(element));
        }
        for (String name : List.of("datePublished", "publishdate", "publish-date", "pubdate", "date", "dc.date",
                "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
                "published_time", "ptime", "dc.date.created", "originalpublicationdate")) {
            candidates.add(meta(page, name));
        }
        for (Element time : page.select("time[pubdate], article time[datetime], time[datetime]")) {
            candidates.add(time.attr("datetime"));
        }
        for (String candidate : candidates) {
            Optional<Instant> instant = PublishedTimes.parse(candidate);
            if (instant.isPresent()) {
                return instant.get();
            }
        }
        return null;
    }

    private static String canonicalUrl(Document page, JsonLd ld) {
        for (Element link : page.select("link[rel~=(?i)^canonical$]")) {
            String url = httpUrl(link.absUrl("href"));
            if (url != null) {
                return url;
            }
        }
        return httpUrl(firstNonBlank(meta(page, "og:url"), ld.url()));
    }

    /**
     * Only absolute http(s) URLs below a site's root identify an article; anything else is left to the submitted
     * URL. (Sites that declare their home page canonical on every page would otherwise make all their articles
     * duplicates of one another.)
     */
    private static String httpUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme();
            boolean siteRoot = (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null;
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && !siteRoot && uri.toString().length() <= MAX_URL_CHARS ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String language(Document page, JsonLd ld) {
        Element html = page.selectFirst("html");
        List<String> candidates = new ArrayList<>();
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        Element httpEquiv = page.selectFirst("meta[http-equiv~=(?i)^content-language$]");
        candidates.add(httpEquiv == null ? null : httpEquiv.attr("content"));
        candidates.add(meta(page, "og:locale"));
        candidates.add(meta(page, "language"));
        candidates.add(meta(page, "dc.language"));
        candidates.add(ld.text("inLanguage"));
        for (String candidate : candidates) {
            String tag = languageTag(candidate);
            if (tag != null) {
                return tag;
            }
        }
        return null;
    }

    /** "en_US", "EN-gb", "en-au, en" become "en-US", "en-GB", "en-AU"; what is no language tag becomes null. */
    static String languageTag(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.strip().split("[,;\\s]")[0].replace('_', '-').split("-");
        StringBuilder tag = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            // Regions are upper case, scripts title case, anything else as written.
            tag.append('-').append(part.length() == 2 ? part.toUpperCase(Locale.ROOT)
                    : part.length() == 4 ? part.substring(0, 1).toUpperCase(Locale.ROOT)
                            + part.substring(1).toLowerCase(Locale.ROOT) : part);
        }
        return LANGUAGE_TAG.matcher(tag).matches() ? tag.toString() : null;
    }

    private static String siteName(Document page, JsonLd ld) {
        return firstNonBlank(meta(page, "og:site_name"), meta(page, "application-name"), ld.publisher());
    }

    /** A meta tag's content, by property or name, whatever its case. */
    static String meta(Document page, String key) {
        for (Element meta : page.select("meta[content]")) {
            if (meta.attr("property").equalsIgnoreCase(key) || meta.attr("name").equalsIgnoreCase(key)
                    || meta.attr("itemprop").equalsIgnoreCase(key)) {
                String content = BlockText.normalise(meta.attr("content"));
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String valueOf(Element element) {
        for (String attribute : List.of("content", "datetime", "value")) {
            if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
                return element.attr(attribute);
            }
        }
        return element.text();
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}

package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes page furniture (skip links, comment forms, share and subscribe prompts) from an article's
 * HTML or pasted text, keeping its paragraphs, and reads title, canonical URL, source and language
 * from the page where it states them.
 */
@ApplicationScoped
public class BoilerplateCleaner {

    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(?i)^(press \"?enter\"? to skip to content|skip to (main )?content|be first to comment|leave a reply"
                    + "|your email address will not be published.*|required fields are marked.*|share this( article)?"
                    + "|subscribe( now)?|sign up for .*newsletter.*|advertisement|related( articles| stories)?:?"
                    + "|cookie(s)? (policy|settings).*|accept (all )?cookies|\\d+ comments?)$");
    private static final Pattern SOURCE_LINE = Pattern.compile("(?i)^source:\\s*(.{1,100})$");
    private static final String NOISE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, "
            + "[role=navigation], [class*=share], [class*=comment], [class*=subscribe], [class*=newsletter], "
            + "[class*=cookie], [id*=comment], [class*=related]";

    public CleanedArticle clean(ArticleDraft draft) {
        return draft.html() != null && !draft.html().isBlank() ? fromHtml(draft) : fromText(draft, draft.text());
    }

    private CleanedArticle fromHtml(ArticleDraft draft) {
        Document page = Jsoup.parse(draft.html(), draft.url() == null ? "" : draft.url());
        page.select(NOISE).remove();
        Element body = page.selectFirst("article");
        if (body == null) {
            body = page.body();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element block : body.select("h1, h2, h3, p, li, blockquote")) {
            String text = block.text().strip();
            if (!text.isEmpty() && block.parents().stream().noneMatch(p -> p.tagName().equals("p"))) {
                paragraphs.add(text);
            }
        }
        String title = firstNonBlank(draft.title(), meta(page, "og:title"), page.title());
        String canonical = firstNonBlank(draft.url(), page.select("link[rel=canonical]").attr("abs:href"));
        String language = page.select("html").attr("lang");
        CleanedArticle fromText = fromText(new ArticleDraft(canonical, title, firstNonBlank(draft.source(),
                meta(page, "og:site_name")), draft.publishedAt(), null, null), String.join("\n\n", paragraphs));
        return new CleanedArticle(fromText.text(), fromText.title(), fromText.canonicalUrl(), fromText.source(),
                fromText.publishedAt(), language.isBlank() ? fromText.language() : normaliseLanguage(language));
    }

    private CleanedArticle fromText(ArticleDraft draft, String raw) {
        List<String> kept = new ArrayList<>();
        String source = draft.source();
        for (String line : raw.replace("\r\n", "\n").split("\n")) {
            String stripped = line.strip();
            Matcher sourceLine = SOURCE_LINE.matcher(stripped);
            if (sourceLine.matches()) {
                source = firstNonBlank(source, sourceLine.group(1).strip());
            } else if (!stripped.isEmpty() && !BOILERPLATE_LINE.matcher(stripped).matches()) {
                kept.add(stripped);
            }
        }
        String title = draft.title();
        // Pasted pages start with their headline: a short line without a full stop at its end.
        if ((title == null || title.isBlank()) && !kept.isEmpty() && kept.get(0).length() <= 200
                && !kept.get(0).endsWith(".")) {
            title = kept.remove(0);
        }
        return new CleanedArticle(String.join("\n\n", kept), title == null ? "" : title.strip(), draft.url(),
                source, draft.publishedAt(), "en");
    }

    private static String meta(Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }

    private static String normaliseLanguage(String lang) {
        return lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
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

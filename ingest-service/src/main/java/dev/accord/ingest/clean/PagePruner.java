package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes from a page what can never be article text: code, media, invisible elements, and the furniture that
 * markup or names announce (navigation, headers, footers, forms, asides, share and comment blocks). An element
 * holding most of the page's paragraph text is never removed, however it is named, since a page that wraps its
 * article in {@code <form>} or {@code class="page-with-sidebar"} still has that article inside.
 */
final class PagePruner {

    /** Elements without readable text of their own. */
    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, frame, frameset, svg, "
            + "math, canvas, object, embed, applet, link, meta, base, button, input, select, textarea, option, "
            + "datalist, output, progress, meter, map, area, audio, video, picture, img, source, track, "
            // Captions describe a picture, not the story.
            + "figcaption";
    private static final String FURNITURE_MARKUP = "nav, aside, footer, header, form, dialog, menu, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], "
            + "[role=dialog], [role=alertdialog], [role=menu], [role=menubar], [role=toolbar]";
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Set<String> KEEP_ALWAYS = Set.of("html", "body", "head");

    // Above this share of the page's paragraph text an element carries the article, whatever its markup says.
    private static final double ARTICLE_SHARE = 0.5;

    private final Map<Element, Integer> paragraphChars = new IdentityHashMap<>();
    private final int pageParagraphChars;

    private PagePruner(Element body) {
        this.pageParagraphChars = countParagraphChars(body);
    }

    /** Prunes the page's body in place; {@code byNames} also removes elements whose class or id says furniture. */
    static void prune(Document page, boolean byNames) {
        Element body = page.body();
        body.select(NEVER_TEXT).remove();
        PagePruner pruner = new PagePruner(body);
        pruner.removeUnlessArticle(hidden(body));
        pruner.removeUnlessArticle(body.select(FURNITURE_MARKUP));
        if (byNames) {
            List<Element> named = new ArrayList<>();
            for (Element element : body.getAllElements()) {
                if (!KEEP_ALWAYS.contains(element.normalName()) && ClassHints.isFurniture(element)) {
                    named.add(element);
                }
            }
            pruner.removeUnlessArticle(named);
        }
    }

    private static List<Element> hidden(Element body) {
        List<Element> hidden = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element.hasAttr("hidden") || "true".equalsIgnoreCase(element.attr("aria-hidden"))
                    || HIDDEN_STYLE.matcher(element.attr("style")).find()) {
                hidden.add(element);
            }
        }
        return hidden;
    }

    private void removeUnlessArticle(List<Element> elements) {
        for (Element element : elements) {
            if (element.parent() != null && !KEEP_ALWAYS.contains(element.normalName()) && !carriesArticle(element)) {
                element.remove();
            }
        }
    }

    private boolean carriesArticle(Element element) {
        return pageParagraphChars > 0 && paragraphChars.getOrDefault(element, 0) >= ARTICLE_SHARE * pageParagraphChars;
    }

    /** Counts the text of every paragraph towards each of its ancestors. */
    private int countParagraphChars(Element body) {
        for (Element paragraph : body.select("p, pre")) {
            int chars = paragraph.text().length();
            for (Element ancestor = paragraph; ancestor != null; ancestor = ancestor.parent()) {
                paragraphChars.merge(ancestor, chars, Integer::sum);
            }
        }
        return paragraphChars.getOrDefault(body, 0);
    }
}

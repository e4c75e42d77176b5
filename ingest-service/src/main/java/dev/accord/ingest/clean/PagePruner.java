package dev.accord.ingest.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

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

    /** Phrasing elements: inside a sentence their names ("meta-loc", "popup") say how they look, not what they are. */
    private static final Set<String> INLINE = Set.of("a", "span", "em", "strong", "b", "i", "u", "abbr", "cite", "q",
            "small", "sup", "sub", "mark", "time", "font", "dfn", "var", "kbd", "samp", "bdi", "bdo", "s", "ins", "del");
    // A block with at least this share of its text outside named inline elements is prose they stand in.
    private static final double INLINE_SHARE = 0.5;

    private static final Pattern SLIDE_NUMBER = Pattern.compile("\\s*\\d{1,3}\\s*(?:/|of)\\s*\\d{1,3}\\b");
    private static final int MIN_SLIDES = 3;
    // Enough of an item's text to read its slide number ("12 / 50").
    private static final int LEADING_CHARS = 24;
    private static final double SLIDE_SHARE = 0.8;

    // Above this share of the page's paragraph text an element carries the article, whatever its markup says.
    private static final double ARTICLE_SHARE = 0.5;

    private final Map<Element, Integer> paragraphChars = new IdentityHashMap<>();
    private final Map<Element, Double> proseShare = new IdentityHashMap<>();
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
        // A slideshow's captions can outweigh the story it hangs in, so no share of the text protects them.
        slideshows(body).forEach(Element::remove);
        if (byNames) {
            List<Element> named = new ArrayList<>();
            for (Element element : body.getAllElements()) {
                if (!KEEP_ALWAYS.contains(element.normalName()) && ClassHints.isFurniture(element)
                        && !pruner.withinSentence(element)) {
                    named.add(element);
                }
            }
            named.removeAll(SplitArticle.blocks(named, e -> pruner.paragraphChars.getOrDefault(e, 0),
                    ARTICLE_SHARE * pruner.pageParagraphChars));
            pruner.removeUnlessArticle(named);
        }
    }


    /** Lists whose items are numbered as slides ("1/50 United goin down", "2 of 12"): a gallery's captions. */
    private static List<Element> slideshows(Element body) {
        List<Element> slideshows = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            Elements items = element.children();
            if (items.size() < MIN_SLIDES || !SLIDE_NUMBER.matcher(leadingText(items.first())).lookingAt()) {
                continue;
            }
            int numbered = 0;
            for (Element item : items) {
                if (SLIDE_NUMBER.matcher(leadingText(item)).lookingAt()) {
                    numbered++;
                }
            }
            if (numbered >= MIN_SLIDES && numbered >= SLIDE_SHARE * items.size()) {
                slideshows.add(element);
            }
        }
        return slideshows;
    }

    /** The first few characters of an element's text, without reading all of it. */
    private static String leadingText(Element element) {
        StringBuilder text = new StringBuilder();
        Deque<Node> pending = new ArrayDeque<>(List.of(element));
        while (!pending.isEmpty() && text.length() < LEADING_CHARS) {
            Node node = pending.pop();
            if (node instanceof TextNode textNode) {
                text.append(textNode.text());
            } else {
                List<Node> children = node.childNodes();
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
        return text.toString();
    }

    /**
     * Whether an inline element stands inside running prose: its block's text is mostly words outside named
     * inline elements. A line made of a byline span and a timestamp span is furniture, not a sentence.
     */
    private boolean withinSentence(Element element) {
        if (!INLINE.contains(element.normalName())) {
            return false;
        }
        Element block = element.parent();
        while (block != null && INLINE.contains(block.normalName())) {
            block = block.parent();
        }
        return block != null && proseShare.computeIfAbsent(block, PagePruner::proseShare) >= INLINE_SHARE;
    }

    /** The share of a block's text that stands outside inline elements named as furniture. */
    private static double proseShare(Element block) {
        int all = block.text().length();
        if (all == 0) {
            return 0;
        }
        int named = 0;
        for (Element inline : block.getAllElements()) {
            if (inline != block && INLINE.contains(inline.normalName()) && ClassHints.isFurniture(inline)
                    && !hasNamedInlineAncestor(inline, block)) {
                named += inline.text().length();
            }
        }
        return (all - named) / (double) all;
    }

    private static boolean hasNamedInlineAncestor(Element inline, Element block) {
        for (Element up = inline.parent(); up != null && up != block; up = up.parent()) {
            if (INLINE.contains(up.normalName()) && ClassHints.isFurniture(up)) {
                return true;
            }
        }
        return false;
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

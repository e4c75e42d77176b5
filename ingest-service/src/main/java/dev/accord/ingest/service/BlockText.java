package dev.accord.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns HTML elements into paragraphs of plain text: every block-level element (and every line break) ends a
 * paragraph, inline elements run on, and whitespace collapses to single spaces.
 */
final class BlockText {

    /** Elements that start and end a paragraph of their own. */
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "center", "dd",
            "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
            "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html");

    // Unicode whitespace (no-break, ideographic, ...) collapses like ASCII; zero-width marks vanish.
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad]");

    private BlockText() {
    }

    /** The paragraphs of these elements, in order. */
    static List<String> paragraphs(List<Element> elements) {
        Collector collector = new Collector();
        for (Element element : elements) {
            NodeTraversor.traverse(collector, element);
            collector.flush();
        }
        return collector.paragraphs;
    }

    static List<String> paragraphs(Element element) {
        return paragraphs(List.of(element));
    }

    /** Whitespace collapsed to single spaces, invisible characters removed, trimmed. */
    static String normalise(String text) {
        return WHITESPACE.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").strip();
    }

    static boolean isBlock(Element element) {
        return BLOCK_TAGS.contains(element.normalName());
    }

    private static final class Collector implements NodeVisitor {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (node instanceof Element element && (isBlock(element) || element.normalName().equals("br"))) {
                flush();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && isBlock(element)) {
                flush();
            }
        }

        void flush() {
            String paragraph = normalise(current.toString());
            current.setLength(0);
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
    }
}

package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    // A data table's cell holds a value or a phrase; a longer one is a layout table's column of text.
    private static final int MAX_DATA_CELL_CHARS = 200;

    /** Unicode separators (Zs, Zl, Zp), the ASCII controls TAB to CR, and NEL: the White_Space chars of {@code (?U)\\s}. */
    private static final int SEPARATOR_TYPES = (1 << Character.SPACE_SEPARATOR) | (1 << Character.LINE_SEPARATOR)
            | (1 << Character.PARAGRAPH_SEPARATOR);

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

    /**
     * Whitespace collapsed to single spaces, invisible characters removed, trimmed. Unicode whitespace
     * (no-break, ideographic, ...) collapses like ASCII; zero-width marks and soft hyphens vanish, also
     * between two spaces. Every line and paragraph of every article passes through here, so it is one
     * pass over the characters rather than two regular-expression replacements.
     */
    static String normalise(String text) {
        StringBuilder out = null;
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean invisible = isInvisible(c);
            boolean space = !invisible && isWhitespace(c);
            // Unchanged so far: only a lone ' ' between visible characters, the common case, copies nothing.
            if (out == null && (invisible || space && (c != ' ' || inSpace
                    || i + 1 < text.length() && isWhitespace(text.charAt(i + 1))))) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (invisible) {
                continue;
            }
            if (out != null && !(space && inSpace)) {
                out.append(space ? ' ' : c);
            }
            inSpace = space;
        }
        return (out == null ? text : out.toString()).strip();
    }

    private static boolean isWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085'
                || (c > 0x7f && ((SEPARATOR_TYPES >> Character.getType(c)) & 1) != 0);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }

    static boolean isBlock(Element element) {
        return BLOCK_TAGS.contains(element.normalName());
    }

    /**
     * A row of a data table: cells of short text with no blocks or line breaks inside. Its cells make one line,
     * separated by spaces ("Austin $105 4.8% -1.5%"), as a reader reads the row; a layout table's rows, whose
     * cells hold columns of the page, break into the blocks inside them.
     */
    static boolean isDataRow(Element row) {
        if (!row.normalName().equals("tr") || row.childrenSize() < 2) {
            return false;
        }
        for (Element cell : row.children()) {
            if (!isCell(cell)) {
                return false;
            }
            for (Element inside : cell.getAllElements()) {
                if (inside != cell && (isBlock(inside) || inside.normalName().equals("br"))) {
                    return false;
                }
            }
            if (cell.text().length() > MAX_DATA_CELL_CHARS) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCell(Element element) {
        return element.normalName().equals("td") || element.normalName().equals("th");
    }

    private static final class Collector implements NodeVisitor {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private Element dataRow;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (node instanceof Element element && dataRow != null && isCell(element)) {
                current.append(' ');
            } else if (node instanceof Element element && (isBlock(element) || element.normalName().equals("br"))) {
                flush();
                if (dataRow == null && isDataRow(element)) {
                    dataRow = element;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && dataRow != null && isCell(element)) {
                current.append(' ');
            } else if (node instanceof Element element && isBlock(element)) {
                if (element == dataRow) {
                    dataRow = null;
                }
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

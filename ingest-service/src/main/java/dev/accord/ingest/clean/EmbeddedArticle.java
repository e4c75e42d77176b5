package dev.accord.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The article as pages that render it in the browser ship it: inside scripts rather than markup. Two forms are
 * read: the node tree a client-side app hydrates from ({@code {"type":"p","children":[{"type":"text",
 * "data":"..."}]}}), rebuilt into HTML so that the usual cleaning applies to it; and schema.org's JSON-LD
 * {@code articleBody}, plain text as the publisher states it.
 */
final class EmbeddedArticle {

    // Node types that hold article text; an array with several of them is a candidate article body.
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li");
    private static final int MIN_TEXT_BLOCKS = 3;
    private static final Pattern TAG_NAME = Pattern.compile("^[a-z][a-z0-9]{0,9}$");
    // The JSON a script assigns ("window.__STATE__ = {...}") starts at the first brace after the first "=".
    private static final Pattern ASSIGNMENT = Pattern.compile("=\\s*(?=[{\\[])");
    // A rebuilt tree must share this much of its wording with what the page says its article is.
    private static final double MIN_OVERLAP = 0.5;
    // Scripts beyond this size are bundles of code, not state.
    private static final int MAX_SCRIPT_CHARS = 5_000_000;

    private EmbeddedArticle() {
    }

    /**
     * The body of a client-side node tree in the page's scripts, rebuilt as an HTML document, if one matches
     * what the page says of its article (its JSON-LD text, or its description).
     */
    static Optional<Document> fromNodeTree(Document page, String reference, String baseUrl) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Set<String> referenceShingles = Shingles.of(reference);
        Element best = null;
        for (Element script : page.select("script:not([src])")) {
            String data = script.data();
            if (data.length() > MAX_SCRIPT_CHARS || !data.contains("\"children\"") || !data.contains("\"type\"")) {
                continue;
            }
            for (JsonNode candidate : nodeArrays(parse(data, script.attr("type")))) {
                Element rebuilt = new Element("div");
                for (JsonNode node : candidate) {
                    append(rebuilt, node);
                }
                // Of the trees that are this article, the fullest; a related article's tree shares little wording.
                if (Shingles.overlap(Shingles.of(rebuilt.text()), referenceShingles) >= MIN_OVERLAP
                        && (best == null || rebuilt.text().length() > best.text().length())) {
                    best = rebuilt;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Document document = Document.createShell(baseUrl);
        document.body().appendChild(best);
        return Optional.of(document);
    }

    /** The paragraphs of the JSON-LD {@code articleBody}: its lines, or its blocks where it holds HTML. */
    static List<String> fromJsonLd(JsonLd ld) {
        String body = ld.articleBody();
        if (body == null) {
            return List.of();
        }
        if (body.contains("</p>") || body.contains("<br")) {
            return BlockText.paragraphs(Jsoup.parseBodyFragment(body).body());
        }
        List<String> paragraphs = new ArrayList<>();
        for (String line : body.split("\\R+")) {
            String paragraph = BlockText.normalise(line);
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    private static JsonNode parse(String data, String type) {
        String json = data.strip();
        if (!type.toLowerCase().contains("json")) {
            var assignment = ASSIGNMENT.matcher(json);
            if (!assignment.find()) {
                return null;
            }
            json = json.substring(assignment.end());
        }
        try {
            // The reader stops after the first complete value, so a trailing ";" or more script is harmless.
            return JsonLd.JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }

    /** Arrays of nodes with several text blocks among them, anywhere in the JSON. */
    private static List<JsonNode> nodeArrays(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        List<JsonNode> pending = new ArrayList<>();
        if (root != null) {
            pending.add(root);
        }
        Set<JsonNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (!visited.add(node)) {
                continue;
            }
            if (node.isArray()) {
                int blocks = 0;
                for (JsonNode item : node) {
                    if (TEXT_BLOCKS.contains(item.path("type").asText()) && item.has("children")) {
                        blocks++;
                    }
                }
                if (blocks >= MIN_TEXT_BLOCKS) {
                    found.add(node);
                    continue;
                }
                node.forEach(pending::add);
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    pending.add(field.getValue());
                }
            }
        }
        return found;
    }

    /** Rebuilds one node: text as text, HTML elements as elements, app widgets ("ad1", "related-box") not at all. */
    private static void append(Element parent, JsonNode node) {
        String type = node.path("type").asText();
        if (type.equals("text")) {
            parent.appendChild(new TextNode(node.path("data").asText()));
            return;
        }
        if (!TAG_NAME.matcher(type).matches()) {
            return;
        }
        Element element = parent.appendElement(type);
        for (Map.Entry<String, JsonNode> field : node.path("attribs").properties()) {
            if (field.getValue().isValueNode() && TAG_NAME.matcher(field.getKey()).matches()) {
                element.attr(field.getKey(), field.getValue().asText());
            }
        }
        for (JsonNode child : node.path("children")) {
            append(element, child);
        }
    }

    /** Word 4-grams, to tell which of several embedded texts is the page's article. */
    static final class Shingles {
        private Shingles() {
        }

        static Set<String> of(String text) {
            String[] words = text.toLowerCase().split("[^\\p{L}\\p{N}]+");
            List<String> kept = new ArrayList<>();
            for (String word : words) {
                if (!word.isEmpty()) {
                    kept.add(word);
                }
            }
            Set<String> shingles = new HashSet<>();
            for (int i = 0; i + 4 <= kept.size(); i++) {
                shingles.add(String.join(" ", kept.subList(i, i + 4)));
            }
            return shingles;
        }

        /** The share of {@code part} found in {@code whole}. */
        static double containment(Set<String> part, Set<String> whole) {
            if (part.isEmpty()) {
                return 0;
            }
            return (double) part.stream().filter(whole::contains).count() / part.size();
        }

        /** The share of the smaller set found in the other. */
        static double overlap(Set<String> a, Set<String> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return 0;
            }
            Set<String> small = a.size() <= b.size() ? a : b;
            Set<String> large = small == a ? b : a;
            long shared = small.stream().filter(large::contains).count();
            return (double) shared / small.size();
        }
    }
}

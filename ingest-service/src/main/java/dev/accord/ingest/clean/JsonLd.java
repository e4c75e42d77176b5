package dev.accord.ingest.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's JSON-LD (schema.org) description of its article, if it has one: {@code article} is null otherwise. */
record JsonLd(JsonNode article) {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonLd read(Document page) {
        for (Element script : page.select("script[type~=(?i)^application/ld\\+json$]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()));
                if (found != null) {
                    return new JsonLd(found);
                }
            } catch (Exception e) {
                // Broken JSON-LD is common in the wild; the page's other metadata still counts.
            }
        }
        return new JsonLd(null);
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticleType(node.get("@type"))) {
            return node;
        }
        return findArticle(node.get("@graph"));
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText();
        return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("Report");
    }

    String text(String field) {
        if (article == null) {
            return null;
        }
        JsonNode value = article.get(field);
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            value = value.size() == 0 ? null : value.get(0);
        }
        if (value != null && value.isObject()) {
            value = firstOf(value, "name", "@value", "alternateName");
        }
        return value == null || !value.isValueNode() ? null : BlockText.normalise(value.asText());
    }

    String authors() {
        JsonNode author = article == null ? null : article.get("author");
        if (author == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        Iterable<JsonNode> all = author.isArray() ? author : List.of(author);
        for (JsonNode one : all) {
            JsonNode name = one.isObject() ? one.get("name") : one;
            if (name != null && name.isValueNode() && !name.asText().isBlank()) {
                names.add(BlockText.normalise(name.asText()));
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    String publisher() {
        JsonNode publisher = article == null ? null : article.get("publisher");
        JsonNode name = publisher == null ? null : publisher.isObject() ? publisher.get("name") : publisher;
        return name == null || !name.isValueNode() ? null : BlockText.normalise(name.asText());
    }

    String url() {
        if (article == null) {
            return null;
        }
        JsonNode url = article.get("url");
        if (url == null || !url.isValueNode()) {
            JsonNode page = article.get("mainEntityOfPage");
            url = page == null ? null : page.isObject() ? firstOf(page, "@id", "url") : page;
        }
        return url == null || !url.isValueNode() ? null : url.asText();
    }

    private static JsonNode firstOf(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field);
            }
        }
        return null;
    }

    /** The article's full text as the publisher states it, or null. */
    String articleBody() {
        JsonNode body = article == null ? null : article.get("articleBody");
        return body == null || !body.isTextual() || body.asText().isBlank() ? null : body.asText();
    }
}

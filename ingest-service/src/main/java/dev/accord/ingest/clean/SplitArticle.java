package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jsoup.nodes.Element;

/**
 * An article split by adverts into sibling blocks of one tag and class ({@code div.sidebar-grid__container}
 * four times over): between them they carry the article though none does alone, so a layout name on them
 * ("sidebar", "rail") says nothing about their text. Names that say "comments" or "related" still do.
 */
final class SplitArticle {

    private SplitArticle() {
    }

    /** The candidates that are blocks of a split article: siblings alike whose text together reaches {@code minChars}. */
    static List<Element> blocks(List<Element> candidates, ToIntFunction<Element> chars, double minChars) {
        Map<Element, Map<String, List<Element>>> byParent = new IdentityHashMap<>();
        for (Element candidate : candidates) {
            if (candidate.parent() != null && !ClassHints.isDecisivelyFurniture(candidate)) {
                byParent.computeIfAbsent(candidate.parent(), parent -> new LinkedHashMap<>())
                        .computeIfAbsent(candidate.normalName() + "." + candidate.className(), kind -> new ArrayList<>())
                        .add(candidate);
            }
        }
        List<Element> blocks = new ArrayList<>();
        for (Map<String, List<Element>> kinds : byParent.values()) {
            for (List<Element> alike : kinds.values()) {
                if (alike.size() > 1 && minChars > 0 && alike.stream().mapToInt(chars).sum() >= minChars) {
                    blocks.addAll(alike);
                }
            }
        }
        return blocks;
    }
}

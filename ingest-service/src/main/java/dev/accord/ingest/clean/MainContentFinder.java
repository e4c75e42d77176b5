package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds a page's article, by content scoring: every paragraph of real prose (long, with
 * commas) scores for its parent and, less, for its further ancestors; containers named like article text gain,
 * containers named like furniture lose, and a container's score shrinks with the share of its text in links.
 * The best container wins, joined by those siblings that look like more of the same article.
 */
final class MainContentFinder {

    // Shorter paragraphs (captions, labels, "Share") say nothing about where the article is.
    private static final int MIN_PARAGRAPH_CHARS = 25;
    // Each 100 characters of a paragraph count as much as a comma, up to this many.
    private static final int MAX_LENGTH_POINTS = 3;
    // How far up a paragraph's score reaches: parent, grandparent, and three more.
    private static final int ANCESTOR_LEVELS = 5;
    // What a name saying "article text" or "furniture" adds to or takes from a container.
    private static final int NAME_WEIGHT = 25;
    // A container named as article text earns that name's full weight from this much text on.
    private static final int NAMED_ARTICLE_CHARS = 300;
    // Runner-up containers within this share of the best are likely parts of one article split in blocks.
    private static final double RUNNER_UP_SHARE = 0.75;
    private static final int RUNNERS_UP_CONSIDERED = 4;
    private static final int RUNNERS_UP_TO_MERGE = 3;
    // Siblings scoring at least this share of the best container are more of the article.
    private static final double SIBLING_SHARE = 0.2;
    private static final double SIBLING_MIN_SCORE = 10;
    // A sibling of the same class as the best container is likely more of it: it needs this share less.
    private static final double SAME_CLASS_BONUS = 0.2;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?”\"’)]\\s*$");

    private final Map<Element, Double> scores = new IdentityHashMap<>();

    private MainContentFinder() {
    }

    /** The elements holding the article, in page order; the body itself when nothing stands out. */
    static List<Element> find(Element body) {
        return new MainContentFinder().search(body);
    }

    private List<Element> search(Element body) {
        scoreParagraphs(body);
        List<Element> ranked = new ArrayList<>(scores.keySet());
        if (ranked.isEmpty()) {
            return List.of(body);
        }
        Map<Element, Double> finalScores = new IdentityHashMap<>();
        for (Element candidate : ranked) {
            double points = scores.get(candidate);
            finalScores.put(candidate, (initialScore(candidate) + points) * (1 - TextStats.linkDensity(candidate)));
        }
        ranked.sort(Comparator.comparingDouble((Element e) -> finalScores.get(e)).reversed());
        Element best = ranked.get(0);
        Element top = mergeRunnersUp(best, ranked, finalScores, body);
        // The ancestor that joins the runners-up may sit beyond any paragraph's reach: it holds the best at least.
        finalScores.putIfAbsent(top, finalScores.get(best));
        top = climbWhileScoreHolds(top, finalScores, body);
        while (top != body && top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top == body ? List.of(body) : withSplitParts(top, withSiblings(top, finalScores), finalScores, body);
    }

    /** Scores containers strictly inside the body; paragraphs straight in the body score nothing. */
    private void scoreParagraphs(Element body) {
        for (Element element : body.getAllElements()) {
            if (!isParagraph(element)) {
                continue;
            }
            String text = BlockText.normalise(element.text());
            if (text.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double points = 1 + TextStats.commas(text) + Math.min(text.length() / 100, MAX_LENGTH_POINTS);
            Element ancestor = element.parent();
            for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor != body; level++) {
                double share = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, points / share, Double::sum);
                ancestor = ancestor.parent();
            }
        }
    }

    /** Paragraphs proper, and divs or sections holding only text and inline markup (pages that never use p). */
    private static boolean isParagraph(Element element) {
        return switch (element.normalName()) {
            case "p", "pre", "td", "h2", "h3", "h4" -> true;
            case "div", "section", "article", "span", "font", "center", "blockquote", "dd", "li" ->
                    element.children().stream().noneMatch(BlockText::isBlock)
                            && element.parents().stream().noneMatch(p -> p.normalName().equals("p"));
            default -> false;
        };
    }

    /**
     * What a container's tag and names add to the prose points it gathered. A name saying "article text" counts
     * in full only for a container holding an article's worth of text: four "main-content" boxes of a sign-up
     * form's messages are not the article.
     */
    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "article" -> 10;
            case "div", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        int sign = ClassHints.sign(element);
        double backed = sign > 0 ? Math.min(1, element.text().length() / (double) NAMED_ARTICLE_CHARS) : 1;
        return score + NAME_WEIGHT * sign * backed;
    }

    /** Several near-best containers under one ancestor are one article in blocks: take the ancestor. */
    private static Element mergeRunnersUp(Element top, List<Element> ranked, Map<Element, Double> finalScores,
            Element body) {
        double best = finalScores.get(top);
        List<Element> runnersUp = new ArrayList<>();
        for (int i = 1; i < ranked.size() && i <= RUNNERS_UP_CONSIDERED; i++) {
            if (finalScores.get(ranked.get(i)) >= RUNNER_UP_SHARE * best) {
                runnersUp.add(ranked.get(i));
            }
        }
        if (runnersUp.size() < RUNNERS_UP_TO_MERGE) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            int inside = 0;
            for (Element runnerUp : runnersUp) {
                if (runnerUp.parents().contains(ancestor)) {
                    inside++;
                }
            }
            if (inside >= RUNNERS_UP_TO_MERGE) {
                return ancestor;
            }
        }
        return top;
    }

    /** A parent scoring more than the best child holds more of the article than that child. */
    private static Element climbWhileScoreHolds(Element top, Map<Element, Double> finalScores, Element body) {
        double last = finalScores.get(top);
        double floor = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double score = finalScores.get(parent);
            if (score == null) {
                continue;
            }
            if (score < floor) {
                break;
            }
            if (score > last) {
                top = parent;
            }
            last = score;
        }
        return top;
    }

    private static List<Element> withSiblings(Element top, Map<Element, Double> finalScores) {
        double best = finalScores.getOrDefault(top, 0.0);
        double threshold = Math.max(SIBLING_MIN_SCORE, best * SIBLING_SHARE);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top) {
                kept.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
                    ? best * SAME_CLASS_BONUS : 0;
            Double score = finalScores.get(sibling);
            if (score != null && score + bonus >= threshold) {
                kept.add(sibling);
            } else if (sibling.normalName().equals("p") && looksLikeProse(sibling)) {
                kept.add(sibling);
            }
        }
        return kept;
    }

    /**
     * Pages that break an article into several blocks with ads or widgets in between ({@code div.story-text}
     * three times over) mark every block alike: blocks of the best container's tag and class join it.
     */
    private static List<Element> withSplitParts(Element top, List<Element> kept, Map<Element, Double> finalScores,
            Element body) {
        String className = top.className().strip();
        if (className.isEmpty()) {
            return kept;
        }
        List<Element> parts = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element.normalName().equals(top.normalName()) && element.className().strip().equals(className)
                    && holdsProse(element, finalScores) && !overlaps(element, kept)
                    && !overlaps(element, parts)) {
                parts.add(element);
            }
        }
        if (parts.isEmpty()) {
            return kept;
        }
        List<Element> all = new ArrayList<>(kept);
        all.addAll(parts);
        Map<Element, Integer> order = new IdentityHashMap<>();
        int index = 0;
        for (Element element : body.getAllElements()) {
            order.put(element, index++);
        }
        all.sort(Comparator.comparingInt(order::get));
        return all;
    }

    /** Whether a block scored, or holds a scoring container: its paragraphs may sit beyond a score's reach. */
    private static boolean holdsProse(Element block, Map<Element, Double> finalScores) {
        for (Element inside : block.getAllElements()) {
            if (finalScores.getOrDefault(inside, 0.0) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Element element, List<Element> others) {
        for (Element other : others) {
            if (other == element || element.parents().contains(other) || other.parents().contains(element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeProse(Element paragraph) {
        String text = BlockText.normalise(paragraph.text());
        double links = TextStats.linkDensity(paragraph);
        return text.length() > 80 ? links < 0.25 : !text.isEmpty() && links == 0 && SENTENCE_END.matcher(text).find();
    }
}

package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans where {@link SubscriptionIndex} files a filter: the cheapest set of keys (its <em>anchor</em>) one of
 * which every matching event carries, and the key scheme events are looked up by: {@code field:value},
 * {@code a&b} for a pair, {@code k:word} for a keyword's word or phrase, and a word combined with a value or pair.
 */
final class AnchorPlanner {

    /** An anchor of two fields is filed under each pair of their values; past this many pairs one field is used alone. */
    static final int MAX_PAIRS = 64;

    /** Rough chance that an event carries one value of each field: what an anchor key costs in candidates. */
    private static final Map<Field, Double> KEY_ODDS = Map.of(Field.TOPIC, 0.15, Field.COUNTRY, 0.1, Field.ORG, 0.05,
            Field.STAGE, 0.3, Field.KEYWORD, 0.02);

    /**
     * Phrases of up to this many words are filed under the whole phrase, which an event has when its
     * text holds those words in a row (so the group needs no check); longer ones under their longest word.
     */
    static final int MAX_PHRASE = 3;

    static final String WORD_PREFIX = "k:";
    /** Separates the word or phrase from the value or pair in a combined key (they hold only letters, digits, spaces). */
    static final char COMBINED = '\u0002';

    /** What an anchor's keys are, which decides what it can be combined with. */
    enum Shape {
        /** Single values ({@code country:JP}); two such anchors pair up. */
        VALUES,
        /** Pairs of values. */
        PAIRS,
        /** Keyword words or phrases ({@code k:lunar}, {@code k:coast guard}); combine with values or pairs. */
        WORDS,
        /** A word with a value or pair. */
        COMBINED,
        /** Keys of different shapes (an OR of a value and a keyword): usable only alone. */
        MIXED
    }

    /**
     * {@code exact}: an event carrying any of the keys, and none of the {@code excludes}, satisfies the
     * whole condition, so a group found under a key needs no check (a list of values, a pair of lists,
     * keywords of up to {@link #MAX_PHRASE} words, such keywords with a list or pair of lists).
     * {@code excludes}: keys of the condition's NOT parts; an event carrying one cannot match.
     */
    record Anchor(List<String> keys, double cost, Shape shape, boolean exact, List<String> excludes) {

        Anchor(List<String> keys, double cost, Shape shape, boolean exact) {
            this(keys, cost, shape, exact, List.of());
        }
    }

    /**
     * Keys such that every event matching the condition has at least one of them, choosing the
     * cheapest where there is a choice; null when no such keys exist (a NOT, or no condition).
     */
    static Anchor anchorOf(Condition condition) {
        if (condition instanceof Condition.ValueIn in) {
            List<String> keys = in.values().stream().map(v -> key(in.field(), v)).sorted().toList();
            return new Anchor(keys, keys.size() * KEY_ODDS.get(in.field()), Shape.VALUES, true);
        }
        if (condition instanceof Condition.KeywordIn keywords) {
            List<String> keys = keywords.patterns().stream()
                    .map(p -> WORD_PREFIX + (p.length() <= MAX_PHRASE ? p.joined() : p.indexWord())).distinct().toList();
            boolean whole = keywords.patterns().stream().allMatch(p -> p.length() <= MAX_PHRASE);
            return new Anchor(keys, keys.size() * KEY_ODDS.get(Field.KEYWORD), Shape.WORDS, whole);
        }
        if (condition instanceof Condition.AnyOf any) {
            List<String> keys = new ArrayList<>();
            double cost = 0;
            boolean exact = true;
            Shape shape = null;
            for (Condition part : any.parts()) {
                Anchor anchor = alone(anchorOf(part));
                if (anchor == null) {
                    return null;
                }
                keys.addAll(anchor.keys());
                cost += anchor.cost();
                exact &= anchor.exact();
                shape = shape == null || shape == anchor.shape() ? anchor.shape() : Shape.MIXED;
            }
            return new Anchor(keys.stream().distinct().toList(), cost, shape, exact);
        }
        if (condition instanceof Condition.AllOf all) {
            List<Condition> required = new ArrayList<>();
            List<String> excludes = new ArrayList<>();
            for (Condition part : all.parts()) {
                Anchor negated = part instanceof Condition.NoneOf none ? alone(anchorOf(none.part())) : null;
                // A NOT whose keys an event looks up and which any of them fully satisfies: an exclusion.
                if (negated != null && negated.exact() && negated.shape() != Shape.COMBINED) {
                    excludes.addAll(negated.keys());
                } else {
                    required.add(part);
                }
            }
            List<Anchor> anchors = required.stream().map(p -> alone(anchorOf(p))).filter(a -> a != null).toList();
            // An anchor covers the whole AND only when it stands for every part that is not an exclusion.
            boolean whole = anchors.size() == required.size();
            int n = anchors.size();
            Anchor best = null;
            for (int i = 0; i < n; i++) {
                Anchor one = anchors.get(i);
                best = cheaper(best, covering(one, 1, n, whole));
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    if (j > i) {
                        best = cheaper(best, covering(paired(one, anchors.get(j)), 2, n, whole));
                    }
                    best = cheaper(best, covering(combined(one, anchors.get(j)), 2, n, whole));
                    for (int k = j + 1; k < n; k++) {
                        if (k != i) {
                            best = cheaper(best, covering(combined(one, paired(anchors.get(j), anchors.get(k))), 3, n, whole));
                        }
                    }
                }
            }
            return best == null || excludes.isEmpty() ? best
                    : new Anchor(best.keys(), best.cost(), best.shape(), best.exact(), excludes.stream().distinct().toList());
        }
        return null;
    }

    /**
     * The anchor as part of a larger condition: its exclusions hold only for itself, not for an OR
     * around it, nor once paired or combined; without them it is no longer exact.
     */
    private static Anchor alone(Anchor anchor) {
        return anchor == null || anchor.excludes().isEmpty() ? anchor
                : new Anchor(anchor.keys(), anchor.cost(), anchor.shape(), false);
    }

    /** The anchor of some parts of an AND stays exact only if those parts are all the AND has. */
    private static Anchor covering(Anchor anchor, int parts, int anchored, boolean whole) {
        return whole && parts == anchored ? anchor : inexact(anchor);
    }

    /** Both conditions must hold, so an event needs a value of each: file under every pair of their values. */
    private static Anchor paired(Anchor a, Anchor b) {
        if (b == null || a.shape() != Shape.VALUES || b.shape() != Shape.VALUES || a.keys().size() * b.keys().size() > MAX_PAIRS) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String x : a.keys()) {
            for (String y : b.keys()) {
                if (x.equals(y)) {
                    // One value satisfying both: an event with only that value has no pair to look up.
                    return null;
                }
                keys.add(pair(x, y));
            }
        }
        double each = (a.cost() / a.keys().size()) * (b.cost() / b.keys().size());
        return new Anchor(keys.stream().distinct().toList(), keys.size() * each, Shape.PAIRS, a.exact() && b.exact());
    }

    /**
     * A keyword and values (or pairs) that must both hold: an event needs one of the words together
     * with one of the values, so file under each word with each value.
     */
    private static Anchor combined(Anchor words, Anchor values) {
        if (values == null || words.shape() != Shape.WORDS || (values.shape() != Shape.VALUES && values.shape() != Shape.PAIRS)
                || words.keys().size() * values.keys().size() > MAX_PAIRS) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String word : words.keys()) {
            for (String value : values.keys()) {
                keys.add(word + COMBINED + value);
            }
        }
        return new Anchor(keys, words.cost() * values.cost(), Shape.COMBINED, words.exact() && values.exact());
    }

    private static Anchor inexact(Anchor anchor) {
        return anchor == null ? null : new Anchor(anchor.keys(), anchor.cost(), anchor.shape(), false, anchor.excludes());
    }

    private static Anchor cheaper(Anchor best, Anchor candidate) {
        return candidate != null && (best == null || candidate.cost() < best.cost()) ? candidate : best;
    }

    static String key(Field field, String value) {
        return field.fieldName() + ":" + value;
    }

    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "&" + b : b + "&" + a;
    }

    private AnchorPlanner() {
    }
}

package dev.accord.catalog.recording;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a title or sentence into the set of word stems the merge compares: lower case, accents and
 * punctuation gone, British spellings mapped to American ones, function words and stage verbs dropped
 * (two outlets differ in those, not in what the initiative is), and a light suffix strip so that
 * "networked", "networks" and "network" meet.
 */
public final class MergeTerms {

    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "nor", "of", "to", "in", "on",
            "for", "with", "by", "at", "from", "as", "into", "onto", "over", "under", "about", "after", "before",
            "between", "through", "during", "against", "among", "is", "are", "was", "were", "be", "been", "being",
            "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "has",
            "have", "had", "also", "its", "it", "their", "they", "them", "his", "her", "our", "we", "us", "he", "she",
            "this", "that", "these", "those", "which", "who", "whom", "whose", "what", "where", "when", "while",
            "not", "but", "than", "then", "so", "such", "more", "most", "other", "both", "each", "all", "any", "some",
            "up", "out", "new", "first", "time", "two", "three", "said", "says", "say", "saying", "told", "according",
            "expected", "set", "part", "plus", "mr", "ms", "one", "year", "years", "week", "today", "yesterday",
            "tomorrow", "officials", "official", "administration", "government", "countries", "country", "nations",
            "leaders", "president", "prime", "minister", "agreed", "agree", "agreement", "deal", "plan", "plans",
            "planned", "planning", "announce", "announced", "announces", "announcing", "announcement", "launch",
            "launched", "launches", "launching", "propose", "proposed", "proposes", "proposal", "expand", "expanded",
            "expands", "expansion", "complete", "completed", "cancel", "cancelled", "canceled", "unveil",
            "unveiled", "create", "created", "creating", "establish", "established", "build", "building", "form",
            "formed", "begin", "began", "start", "started", "via");
    /** Spelling variants that no suffix rule joins. */
    private static final Map<String, String> VARIANTS = Map.ofEntries(Map.entry("defence", "defense"),
            Map.entry("defences", "defense"), Map.entry("offence", "offense"), Map.entry("licence", "license"),
            Map.entry("programme", "program"), Map.entry("programmes", "program"), Map.entry("centre", "center"),
            Map.entry("centres", "center"), Map.entry("organisation", "organization"),
            Map.entry("organisations", "organization"), Map.entry("cooperate", "cooperation"),
            Map.entry("co", ""));
    private static final List<String> SUFFIXES = List.of("ations", "ation", "ings", "ing", "ions", "ion", "ed",
            "es", "s");
    private static final int MIN_STEM = 3;
    // Compiled once: a catalog batch stems a few thousand words.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("[’']s\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern BRITISH_IZE = Pattern.compile("is(e|es|ed|ing|ation)$");

    private MergeTerms() {
    }

    /** The stems of every text given, in order of first appearance, each once. */
    public static List<String> of(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String plain = POSSESSIVE.matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                    .replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
            for (String word : NON_WORD.split(plain)) {
                String term = stem(word);
                if (!term.isEmpty()) {
                    terms.add(term);
                }
            }
        }
        return List.copyOf(terms);
    }

    private static String stem(String word) {
        if (word.length() < 2 || STOPWORDS.contains(word)) {
            return "";
        }
        String w = VARIANTS.getOrDefault(word, word);
        if (w.isEmpty()) {
            return w;
        }
        if (w.contains("is")) {
            w = BRITISH_IZE.matcher(w).replaceAll("iz$1");
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        }
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= MIN_STEM && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        if (w.endsWith("e") && w.length() > MIN_STEM) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * How much of the smaller set the larger one contains (overlap coefficient), with the divisor
     * floored at {@code minSize} so that a one-word title cannot match everything that contains it.
     */
    public static double overlap(Collection<String> a, Collection<String> b, int minSize) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = new LinkedHashSet<>(a.size() <= b.size() ? a : b);
        Collection<String> larger = a.size() <= b.size() ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        return overlap(shared, smaller.size(), minSize);
    }

    /**
     * {@link #overlap(Collection, Collection, int)} from counts: {@code shared} terms of which the
     * smaller of two duplicate-free sets has {@code smallerSize} (at least one).
     */
    static double overlap(long shared, int smallerSize, int minSize) {
        return (double) shared / Math.max(smallerSize, minSize);
    }
}

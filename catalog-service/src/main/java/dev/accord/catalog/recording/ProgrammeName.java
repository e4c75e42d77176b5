package dev.accord.catalog.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A programme's own name in a mention's title ("Humboldt Coastal Monitoring Network"), as the merge
 * compares it. Ingest titles a named programme by its name (docs/extraction.md §4), so a title whose
 * words are all capitalised, connectors aside, is a name. Its key, {@code name:} and its stems, travels
 * among the title's stems.
 */
final class ProgrammeName {

    static final String PREFIX = "name:";
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "on", "to", "in", "de", "&", "with");
    private static final int MIN_WORDS = 2;

    private ProgrammeName() {
    }

    /** A title's stems, followed by its name key when the title is a proper name. */
    static List<String> titleTerms(String title) {
        List<String> stems = MergeTerms.of(title);
        if (stems.isEmpty() || !isName(title)) {
            return stems;
        }
        List<String> terms = new ArrayList<>(stems);
        terms.add(PREFIX + String.join(" ", stems));
        return List.copyOf(terms);
    }

    /** The name key of a title that is a proper name. */
    static Optional<String> keyOf(String title) {
        return title == null ? Optional.empty() : Optional.ofNullable(nameIn(titleTerms(title)));
    }

    private static boolean isName(String title) {
        int named = 0;
        for (String word : title.strip().split("\\s+")) {
            if (CONNECTORS.contains(word)) {
                continue;
            }
            if (word.isEmpty() || !(Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.codePointAt(0)))) {
                return false;
            }
            named++;
        }
        return named >= MIN_WORDS;
    }

    /** 1 when both titles carry the same name, -1 when both carry different names, 0 when either has none. */
    static int compare(List<String> titleTermsA, List<String> titleTermsB) {
        String a = nameIn(titleTermsA);
        String b = nameIn(titleTermsB);
        if (a == null || b == null) {
            return 0;
        }
        return a.equals(b) ? 1 : -1;
    }

    /** A wording score with the name rule applied, as {@link InitiativeMatcher#score} applies it. */
    static double adjust(double wording, List<String> titleTermsA, List<String> titleTermsB) {
        int names = compare(titleTermsA, titleTermsB);
        return names == 0 ? wording : names > 0 ? 1 : 0;
    }

    private static String nameIn(List<String> titleTerms) {
        for (String term : titleTerms) {
            if (term.startsWith(PREFIX)) {
                return term;
            }
        }
        return null;
    }
}

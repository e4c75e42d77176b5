package dev.accord.testsupport.load;

import java.util.SplittableRandom;

/**
 * Words of no language, built from syllables: text that makes each generated article distinct to
 * ingest's duplicate detection while naming no country, organisation or topic, so that extraction
 * finds in it exactly what the rest of the article holds.
 */
public final class MadeUpText {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "de", "po", "zu",
        "fe", "ga", "hi", "ju", "be", "xo", "qui", "ny", "wa"};
    private static final int SENTENCE_WORDS = 12;

    private MadeUpText() {
    }

    /** "Archive note {label}." and {@code words} made-up words in sentences of twelve. */
    public static String paragraph(String label, int words, SplittableRandom random) {
        StringBuilder note = new StringBuilder("Archive note ").append(label).append(". ");
        for (int w = 0; w < words; w++) {
            String word = word(random);
            note.append(w % SENTENCE_WORDS == 0 ? capitalised(word) : word);
            note.append(w % SENTENCE_WORDS == SENTENCE_WORDS - 1 || w == words - 1 ? ". " : " ");
        }
        return note.toString().strip();
    }

    /** One word of two to four syllables. */
    public static String word(SplittableRandom random) {
        int syllables = 2 + random.nextInt(3);
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    public static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

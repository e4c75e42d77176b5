package dev.accord.systemtest;

import java.util.Random;

/** Pronounceable made-up words, so that generated texts never read alike to Accord's duplicate and merge rules. */
final class MadeUpWords {

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final int SYLLABLES = 3;

    private MadeUpWords() {
    }

    static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < SYLLABLES; s++) {
            word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())))
                    .append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return word.toString();
    }

    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            text.append(w == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }
}

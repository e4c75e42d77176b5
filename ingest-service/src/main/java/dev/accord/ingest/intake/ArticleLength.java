package dev.accord.ingest.intake;

import dev.accord.common.web.ProblemException;
import java.lang.Character.UnicodeScript;
import java.util.Map;

/**
 * The least text the service takes as an article: six words, about one short sentence ("Estonia and Latvia will
 * create a drone coalition."). Less ("hi", a lone headline word, a page of furniture) holds no initiative to find
 * and would only sit in the catalog as noise. Scripts written without spaces count each character as a word.
 */
final class ArticleLength {

    static final int MIN_WORDS = 6;

    private ArticleLength() {
    }

    /** Answers 422 when the cleaned text is too little to be an article. */
    static void check(String text) {
        if (text.isBlank()) {
            throw new ProblemException(422, "No article text",
                    "No article text is left once page boilerplate is removed.", Map.of("minWords", MIN_WORDS));
        }
        int words = words(text);
        if (words < MIN_WORDS) {
            throw new ProblemException(422, "Too little text for an article",
                    "An article needs at least " + MIN_WORDS + " words; this text has " + words + ".",
                    Map.of("minWords", MIN_WORDS, "words", words));
        }
    }

    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetterOrDigit(c)) {
                inWord = false;
            } else if (unspaced(c)) {
                words++;
                inWord = false;
            } else if (!inWord) {
                words++;
                inWord = true;
            }
        }
        return words;
    }

    private static boolean unspaced(int c) {
        UnicodeScript script = UnicodeScript.of(c);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.THAI || script == UnicodeScript.LAO || script == UnicodeScript.KHMER;
    }
}

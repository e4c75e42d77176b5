package dev.accord.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text into words: runs of letters and digits. A dot between two letters stays inside the word
 * so abbreviations ("U.S.", "U.N.") are one word; hyphens and apostrophes separate words, so
 * "U.S.-Japan" yields "US" and "Japan", and "Japan’s" yields "Japan" and "s". Soft hyphens
 * (U+00AD, invisible hyphenation hints in web pages) are ignored inside words.
 */
public final class Tokenizer {

    private static final char SOFT_HYPHEN = '\u00AD';

    private Tokenizer() {
    }

    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5);
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean dotted = false;
            boolean hyphenated = false;
            while (i < length) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i++;
                } else if (c == '.' && i + 1 < length && Character.isLetter(text.charAt(i + 1))
                        && Character.isLetter(text.charAt(i - 1))) {
                    dotted = true;
                    i++;
                } else if (c == SOFT_HYPHEN && i + 1 < length && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    hyphenated = true;
                    i++;
                } else {
                    break;
                }
            }
            String word = text.substring(start, i);
            String form = hyphenated ? word.replace(String.valueOf(SOFT_HYPHEN), "") : word;
            form = dotted ? form.replace(".", "") : form;
            tokens.add(new Token(form, form.toLowerCase(Locale.ROOT), start, i));
        }
        return tokens;
    }
}

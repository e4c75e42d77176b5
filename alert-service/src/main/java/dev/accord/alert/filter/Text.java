package dev.accord.alert.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word tokens: maximal runs of letters and digits, lower-cased; everything else separates words. */
final class Text {

    private Text() {
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The words of an already lower-cased text, in order. */
    static List<String> words(String lower) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }
}

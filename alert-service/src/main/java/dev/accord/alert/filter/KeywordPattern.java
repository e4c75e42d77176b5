package dev.accord.alert.filter;

import java.util.Comparator;
import java.util.List;

/**
 * A keyword or quoted phrase, prepared once per subscription: its words must appear in the event's
 * text as whole words, in order, with nothing but spaces or punctuation between them, ignoring case.
 * That is what the word-bounded expression {@code (?<!\w)air\W+defense(?!\w)} would find, checked on
 * the event's word sequence instead, so no per-subscription scan of the text is needed.
 */
public final class KeywordPattern {

    private final String phrase;
    private final String[] words;

    private KeywordPattern(String phrase, List<String> words) {
        this.phrase = phrase;
        this.words = words.toArray(String[]::new);
    }

    /** The pattern of a keyword, or {@code null} when it holds no letter or digit to match. */
    public static KeywordPattern of(String phrase) {
        List<String> words = Text.words(Text.lower(phrase));
        return words.isEmpty() ? null : new KeywordPattern(phrase, words);
    }

    public boolean matches(EventDocument event) {
        int[] starts = event.positions().get(words[0]);
        if (starts == null) {
            return false;
        }
        if (words.length == 1) {
            return true;
        }
        for (int i = 1; i < words.length; i++) {
            if (!event.positions().containsKey(words[i])) {
                return false;
            }
        }
        List<String> sequence = event.sequence();
        for (int start : starts) {
            if (start + words.length > sequence.size()) {
                break;
            }
            int i = 1;
            while (i < words.length && sequence.get(start + i).equals(words[i])) {
                i++;
            }
            if (i == words.length) {
                return true;
            }
        }
        return false;
    }

    /** The word an index files this keyword under: the longest, as long words tend to be the rare ones. */
    public String indexWord() {
        return java.util.Arrays.stream(words).max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    /** How many words the pattern has. */
    public int length() {
        return words.length;
    }

    /** The words joined by single spaces, as an event's consecutive words joined alike would read. */
    public String joined() {
        return String.join(" ", words);
    }

    /** One word: an event holding {@link #indexWord()} matches it. */
    public boolean singleWord() {
        return words.length == 1;
    }

    public String phrase() {
        return phrase;
    }

    @Override
    public String toString() {
        return '"' + phrase + '"';
    }
}

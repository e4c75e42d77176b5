package dev.accord.alert.filter;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A keyword or quoted phrase, prepared once per subscription: its words must appear in the event's
 * text as whole words, in order, separated only by spaces or punctuation, ignoring case. A single
 * word is a set lookup; a phrase is checked with a regular expression compiled here, never per event.
 */
public final class KeywordPattern {

    private static final String WORD = "[\\p{L}\\p{Nd}]";

    private final String phrase;
    private final List<String> words;
    private final Pattern pattern;

    private KeywordPattern(String phrase, List<String> words) {
        this.phrase = phrase;
        this.words = words;
        this.pattern = words.size() == 1 ? null : Pattern.compile("(?<!" + WORD + ")"
                + words.stream().map(Pattern::quote).collect(Collectors.joining("[^\\p{L}\\p{Nd}]+")) + "(?!" + WORD + ")");
    }

    /** The pattern of a keyword, or {@code null} when it holds no letter or digit to match. */
    public static KeywordPattern of(String phrase) {
        List<String> words = Text.words(Text.lower(phrase));
        return words.isEmpty() ? null : new KeywordPattern(phrase, words);
    }

    public boolean matches(EventDocument event) {
        for (String word : words) {
            if (!event.words().contains(word)) {
                return false;
            }
        }
        return pattern == null || pattern.matcher(event.text()).find();
    }

    /** The word an index files this keyword under: the longest, as long words tend to be the rare ones. */
    public String indexWord() {
        return words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    public String phrase() {
        return phrase;
    }

    @Override
    public String toString() {
        return '"' + phrase + '"';
    }
}

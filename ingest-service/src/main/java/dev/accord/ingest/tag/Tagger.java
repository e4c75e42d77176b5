package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Tags text with topics, countries, organisations and people from the dictionaries in
 * {@code taxonomy/*.tsv}. Dictionaries are data, so adding a country or an agency needs no code change.
 * A country is mentioned by its names, demonyms and capital ({@code countries.tsv}) or by one of its
 * leaders ({@code leaders.tsv}: "Kishida and Biden agreed" is about Japan and the United States).
 */
@ApplicationScoped
public class Tagger {

    /** Titles that introduce a person's name. */
    private static final List<String> TITLES = List.of("President", "Prime Minister", "Secretary", "Minister", "Chancellor",
            "Senator", "Governor");
    static final Pattern PERSON = Pattern.compile(
            "\\b(?:" + String.join("|", TITLES) + ")\\s+((?:[A-Z][\\p{L}'.-]+\\s?){1,3})");

    private final Gazetteer topics = Gazetteer.load("taxonomy/topics.tsv", false);
    /** Key of the country dictionary's phrases that contain a country word but do not mean the country. */
    private static final String NOT_A_COUNTRY = "-";

    private final Gazetteer countries = Gazetteer.load("taxonomy/countries.tsv", true);
    private final Gazetteer leaders = Gazetteer.load("taxonomy/leaders.tsv", true);
    private final Gazetteer organisations = Gazetteer.load("taxonomy/organisations.tsv", true);

    /** Everything a whole article is about, people included. */
    public Tags tag(String text) {
        List<Token> words = Tokenizer.tokens(text);
        return new Tags(topics.keysIn(words), countriesIn(words), organisations.keysIn(words), people(text));
    }

    /** Topics and parties of a short piece of text (a clause) already cut into words; people are left out. */
    public Tags parties(List<Token> words) {
        return new Tags(topics.keysIn(words), countriesIn(words), organisations.keysIn(words), List.of());
    }

    /** Countries named outright first, in dictionary order, then those present only through a leader. */
    private List<String> countriesIn(List<Token> words) {
        Set<String> codes = new LinkedHashSet<>(countries.keysIn(words));
        codes.addAll(leaders.keysIn(words));
        codes.remove(NOT_A_COUNTRY);
        return List.copyOf(codes);
    }

    /**
     * The names after a title, as {@code PERSON.find()} would give them. The pattern is tried only where a
     * title starts (found with {@code indexOf}): tried at every position of an article, it cost more than
     * all the dictionaries together.
     */
    static List<String> people(String text) {
        int[] starts = TITLES.stream().flatMapToInt(title -> occurrences(text, title)).sorted().distinct().toArray();
        Set<String> names = new LinkedHashSet<>();
        // Transparent bounds: the \\b before the title sees the character in front of the region.
        Matcher matcher = PERSON.matcher(text).useTransparentBounds(true);
        int end = 0;
        for (int start : starts) {
            // As find() does, a match is looked for only after the previous one.
            if (start >= end && matcher.region(start, text.length()).lookingAt()) {
                names.add(matcher.group(1).strip());
                end = matcher.end();
            }
        }
        return List.copyOf(names);
    }

    private static IntStream occurrences(String text, String word) {
        return IntStream.iterate(text.indexOf(word), at -> at >= 0, at -> text.indexOf(word, at + 1));
    }
}

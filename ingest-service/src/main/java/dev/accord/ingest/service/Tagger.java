package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags text with topics, countries, organisations and people from the dictionaries in
 * {@code taxonomy/*.tsv}. Dictionaries are data, so adding a country or an agency needs no code change.
 * A country is mentioned by its names, demonyms and capital ({@code countries.tsv}) or by one of its
 * leaders ({@code leaders.tsv}: "Kishida and Biden agreed" is about Japan and the United States).
 */
@ApplicationScoped
public class Tagger {

    private static final Pattern PERSON = Pattern.compile(
            "\\b(?:President|Prime Minister|Secretary|Minister|Chancellor|Senator|Governor)\\s+((?:[A-Z][\\p{L}'.-]+\\s?){1,3})");

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

    private static List<String> people(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PERSON.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).strip());
        }
        return List.copyOf(names);
    }
}

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
 */
@ApplicationScoped
public class Tagger {

    private static final Pattern PERSON = Pattern.compile(
            "\\b(?:President|Prime Minister|Secretary|Minister|Chancellor|Senator|Governor)\\s+((?:[A-Z][\\p{L}'.-]+\\s?){1,3})");

    private final Gazetteer topics = Gazetteer.load("taxonomy/topics.tsv", false);
    private final Gazetteer countries = Gazetteer.load("taxonomy/countries.tsv", true);
    private final Gazetteer organisations = Gazetteer.load("taxonomy/organisations.tsv", true);

    /** Everything a whole article is about, people included. */
    public Tags tag(String text) {
        List<Token> words = Tokenizer.tokens(text);
        return new Tags(topics.keysIn(words), countries.keysIn(words), organisations.keysIn(words), people(text));
    }

    /** Topics and parties of a short piece of text (a clause) already cut into words; people are left out. */
    public Tags parties(List<Token> words) {
        return new Tags(topics.keysIn(words), countries.keysIn(words), organisations.keysIn(words), List.of());
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

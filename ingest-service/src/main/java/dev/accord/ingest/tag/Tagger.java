package dev.accord.ingest.tag;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Token;
import dev.accord.ingest.text.Tokenizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
            "Senator", "Governor", "ministers", "minister", "secretaries", "presidents", "leaders");
    /** A name: capitalised words, with the particles of Portuguese, Dutch, German or Arabic names inside ("Lula da Silva"). */
    private static final String NAME = "[A-Z][\\p{L}'’.-]+(?:\\s(?:(?:da|de|do|dos|das|del|van|von|der|den|bin|ibn|al|el|la|le|di|du)\\s)?"
            + "[A-Z][\\p{L}'’.-]+){0,3}";
    /** A title, a name and, in "ministers X of Norway and Y of Finland", the second name. */
    static final Pattern PERSON = Pattern.compile("\\b(?:" + String.join("|", TITLES) + ")\\s+(" + NAME + ")"
            + "(?:\\s+of\\s+[A-Z][\\p{L}]+(?:\\s[A-Z][\\p{L}]+)?\\s+and\\s+(" + NAME + "))?");

    private final Gazetteer topics = Gazetteer.load("taxonomy/topics.tsv", false);
    /** Key of the country dictionary's phrases that contain a country word but do not mean the country. */
    private static final String NOT_A_COUNTRY = "-";

    private final Gazetteer countries = Gazetteer.load("taxonomy/countries.tsv", true);
    private final Gazetteer leaders = Gazetteer.load("taxonomy/leaders.tsv", true);
    private final Gazetteer nationalBodies = Gazetteer.load("taxonomy/national-bodies.tsv", true);
    private final Gazetteer organisations = Gazetteer.load("taxonomy/organisations.tsv", true);
    /** Groups of countries ({@code groups.tsv}) and their members: "G7 leaders" are seven countries acting. */
    private final Map<String, List<String>> groupMembers = new LinkedHashMap<>();
    private final Gazetteer groups = loadGroups(groupMembers);

    /** Everything a whole article is about, people included. */
    public Tags tag(String text) {
        List<Token> words = Tokenizer.tokens(text);
        return new Tags(topics.keysIn(words), countriesIn(words), organisations.keysIn(words), people(text));
    }

    /** Topics and parties of a short piece of text (a clause) already cut into words; people are left out. */
    public Tags parties(List<Token> words) {
        return new Tags(topics.keysIn(words), countriesIn(words), organisations.keysIn(words), List.of());
    }

    /** Where countries are named, directly or through a leader, in text order; the key is the country code. */
    public List<Gazetteer.Hit> countryHits(List<Token> words) {
        List<Gazetteer.Hit> hits = new ArrayList<>(countries.hitsIn(words));
        hits.addAll(leaders.hitsIn(words));
        hits.addAll(nationalBodies.hitsIn(words));
        for (Gazetteer.Hit group : groups.hitsIn(words)) {
            groupMembers.get(group.key()).forEach(member -> hits.add(new Gazetteer.Hit(member, group.start(), group.end())));
        }
        hits.removeIf(hit -> hit.key().equals(NOT_A_COUNTRY));
        hits.sort(Comparator.comparingInt(Gazetteer.Hit::start));
        return hits;
    }

    /** Where organisations are named, in text order; the key is the organisation. */
    public List<Gazetteer.Hit> organisationHits(List<Token> words) {
        return organisations.hitsIn(words);
    }

    /** The taxonomy topics of some words, the most mentioned first. */
    public List<String> rankedTopics(List<Token> words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        topics.hitsIn(words).forEach(hit -> counts.merge(hit.key(), 1, Integer::sum));
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
    }

    /** The taxonomy topics of some words, in dictionary order. */
    public List<String> topics(List<Token> words) {
        return topics.keysIn(words);
    }

    private static Gazetteer loadGroups(Map<String, List<String>> members) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        try (InputStream in = Tagger.class.getClassLoader().getResourceAsStream("taxonomy/groups.tsv")) {
            if (in == null) {
                throw new IllegalStateException("Missing dictionary taxonomy/groups.tsv");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                members.put(parts[0], List.of(parts[1].split(",")));
                names.put(parts[0], List.of(parts[2].split("\\|")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Gazetteer.of(names, true);
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
                if (matcher.group(2) != null) {
                    names.add(matcher.group(2).strip());
                }
                end = matcher.end();
            }
        }
        return List.copyOf(names);
    }

    private static IntStream occurrences(String text, String word) {
        return IntStream.iterate(text.indexOf(word), at -> at >= 0, at -> text.indexOf(word, at + 1));
    }
}

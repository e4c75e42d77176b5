package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private final Map<String, Pattern> topics = load("taxonomy/topics.tsv", Pattern.CASE_INSENSITIVE);
    private final Map<String, Pattern> countries = load("taxonomy/countries.tsv", 0);
    private final Map<String, Pattern> organisations = load("taxonomy/organisations.tsv", 0);

    public Tags tag(String text) {
        return new Tags(matching(topics, text), matching(countries, text), matching(organisations, text), people(text));
    }

    public List<String> topicsOf(String text) {
        return matching(topics, text);
    }

    public List<String> countriesOf(String text) {
        return matching(countries, text);
    }

    public List<String> organisationsOf(String text) {
        return matching(organisations, text);
    }

    private static List<String> matching(Map<String, Pattern> dictionary, String text) {
        List<String> found = new ArrayList<>();
        dictionary.forEach((key, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(key);
            }
        });
        return found;
    }

    private static List<String> people(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PERSON.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).strip());
        }
        return List.copyOf(names);
    }

    private static Map<String, Pattern> load(String resource, int flags) {
        Map<String, Pattern> dictionary = new LinkedHashMap<>();
        try (InputStream in = Tagger.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing dictionary " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                // Lookarounds instead of \b so that names ending in a dot ("U.S.") still match.
                dictionary.put(parts[0], Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + parts[1] + ")(?![\\p{L}\\p{N}])", flags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dictionary;
    }
}

package dev.accord.ingest.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of phrases, each standing for a key (a country code, a topic, an organisation),
 * matched word by word through a trie. One pass over a text's words finds every entry, however
 * long the dictionary, which is what keeps tagging cheap as gazetteers grow.
 *
 * <p>Resource format: one entry per line, {@code key<TAB>phrase|phrase|…}; phrases are literal
 * words compared as {@link Tokenizer} cuts them; {@code #} starts a comment line.
 */
public final class Gazetteer {

    /** Where a phrase was found: the entry's key, and the words it covered [start, end) in characters. */
    public record Hit(String key, int start, int end) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        int key = -1;
    }

    private final List<String> keys = new ArrayList<>();
    private final Node root = new Node();
    private final boolean caseSensitive;

    private Gazetteer(boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
    }

    public static Gazetteer load(String resource, boolean caseSensitive) {
        Gazetteer gazetteer = new Gazetteer(caseSensitive);
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing dictionary " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("Dictionary " + resource + " has a line without a tab: " + line);
                }
                gazetteer.add(parts[0].strip(), parts[1].split("\\|"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gazetteer;
    }

    /** A dictionary built from entries in memory: each key with the phrases that stand for it. */
    public static Gazetteer of(Map<String, List<String>> entries, boolean caseSensitive) {
        Gazetteer gazetteer = new Gazetteer(caseSensitive);
        entries.forEach((key, phrases) -> gazetteer.add(key, phrases.toArray(String[]::new)));
        return gazetteer;
    }

    private void add(String key, String[] phrases) {
        int index = keys.indexOf(key);
        if (index < 0) {
            index = keys.size();
            keys.add(key);
        }
        for (String phrase : phrases) {
            Node node = root;
            for (Token word : Tokenizer.tokens(phrase)) {
                node = node.next.computeIfAbsent(formOf(word), w -> new Node());
            }
            if (node != root) {
                node.key = index;
            }
        }
    }

    /** Keys of every entry found in the words, in dictionary order, each once. */
    public List<String> keysIn(List<Token> words) {
        BitSet found = new BitSet(keys.size());
        scan(words, (key, first, last) -> found.set(key));
        List<String> result = new ArrayList<>(found.cardinality());
        found.stream().forEach(i -> result.add(keys.get(i)));
        return result;
    }

    /** The longest phrase starting at each word, left to right, without overlaps. */
    public List<Hit> hitsIn(List<Token> words) {
        List<Hit> hits = new ArrayList<>();
        scan(words, (key, first, last) -> hits.add(new Hit(keys.get(key), words.get(first).start(), words.get(last).end())));
        return hits;
    }

    private interface HitConsumer {
        void accept(int key, int firstWord, int lastWord);
    }

    private void scan(List<Token> words, HitConsumer consumer) {
        int i = 0;
        while (i < words.size()) {
            int longestEnd = -1;
            int longestKey = -1;
            Node node = root;
            for (int j = i; j < words.size(); j++) {
                node = node.next.get(formOf(words.get(j)));
                if (node == null) {
                    break;
                }
                if (node.key >= 0) {
                    longestEnd = j;
                    longestKey = node.key;
                }
            }
            if (longestEnd < 0) {
                i++;
            } else {
                consumer.accept(longestKey, i, longestEnd);
                i = longestEnd + 1;
            }
        }
    }

    private String formOf(Token word) {
        return caseSensitive ? word.form() : word.lower();
    }
}

package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much of one text's wording another shares, as in the article-extraction-benchmark: both are lower-cased
 * and split into words at every character that is no letter or digit, and their word 4-grams compared as
 * bags (a 4-gram twice in one text counts twice).
 */
record ShingleScore(double precision, double recall) {

    private static final int N = 4;

    static ShingleScore of(String expected, String actual) {
        Map<String, Integer> wanted = shingles(expected);
        Map<String, Integer> got = shingles(actual);
        int shared = 0;
        for (Map.Entry<String, Integer> shingle : wanted.entrySet()) {
            shared += Math.min(shingle.getValue(), got.getOrDefault(shingle.getKey(), 0));
        }
        int wantedTotal = wanted.values().stream().mapToInt(Integer::intValue).sum();
        int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
        return new ShingleScore(gotTotal == 0 ? 0 : (double) shared / gotTotal,
                wantedTotal == 0 ? 0 : (double) shared / wantedTotal);
    }

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static Map<String, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        Map<String, Integer> shingles = new HashMap<>();
        for (int i = 0; i + N <= words.size(); i++) {
            shingles.merge(String.join(" ", words.subList(i, i + N)), 1, Integer::sum);
        }
        return shingles;
    }
}

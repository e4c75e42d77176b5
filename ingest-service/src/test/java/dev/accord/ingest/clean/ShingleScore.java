package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a page's true article text an extraction shares, scored exactly as the article-extraction-benchmark's
 * {@code evaluate.py} does: both texts split into {@code \w+} tokens (letters, digits and underscore; case kept),
 * compared as bags of word 4-grams (a text of fewer than four tokens is one shorter gram), and the page's true and
 * false positives and false negatives normalised to sum to one, so that a long page weighs no more than a short one.
 */
record ShingleScore(double tp, double fp, double fn) {

    private static final int N = 4;
    // Python's \w with re.UNICODE: alphanumeric characters (Unicode letters and numbers) and the underscore.
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    static ShingleScore of(String expected, String actual) {
        Map<List<String>, Integer> wanted = shingles(expected);
        Map<List<String>, Integer> got = shingles(actual);
        Set<List<String>> keys = new HashSet<>(wanted.keySet());
        keys.addAll(got.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int want = wanted.getOrDefault(key, 0);
            int have = got.getOrDefault(key, 0);
            tp += Math.min(want, have);
            fp += Math.max(0, have - want);
            fn += Math.max(0, want - have);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new ShingleScore(tp / sum, fp / sum, fn / sum) : new ShingleScore(0, 0, 0);
    }

    double precision() {
        return fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
    }

    double recall() {
        return fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Precision averaged over pages that predicted something, recall over pages that expected something. */
    record Summary(double precision, double recall, int pages) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    static Summary summary(List<ShingleScore> scores) {
        double precision = scores.stream().filter(s -> s.tp + s.fp > 0).mapToDouble(ShingleScore::precision)
                .average().orElse(0);
        double recall = scores.stream().filter(s -> s.tp + s.fn > 0).mapToDouble(ShingleScore::recall)
                .average().orElse(0);
        return new Summary(precision, recall, scores.size());
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> shingles = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            List<String> gram = tokens.subList(i, Math.min(tokens.size(), i + N));
            if (!gram.isEmpty()) {
                shingles.merge(List.copyOf(gram), 1, Integer::sum);
            }
        }
        return shingles;
    }
}

package dev.accord.ingest.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distinct word 3-shingles of a short text, hashed: what tells near-duplicates apart where a 64-bit simhash
 * cannot. In a text of a few dozen words one changed word, or a headline line more, moves the simhash past any
 * useful distance, while the shingles the two texts share still say they are the same article.
 */
public final class Shingles {

    /** Texts up to this many words are short: they are compared by shingles as well as by simhash. */
    public static final int SHORT_TEXT_WORDS = 400;
    /** The share of the smaller text's shingles the other must hold to be the same article. */
    static final double MIN_CONTAINMENT = 0.8;
    /** And the smaller may not be less than this share of the larger: a lead paragraph is not its article. */
    static final double MIN_SIZE_RATIO = 0.5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int N = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /** The shingle hashes of a short text, sorted; none for a longer one, which its simhash serves well. */
    public static long[] ofShortText(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
            if (words.size() > SHORT_TEXT_WORDS) {
                return new long[0];
            }
        }
        int count = Math.max(words.isEmpty() ? 0 : 1, words.size() - N + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long hash = FNV_OFFSET;
            for (String word : words.subList(i, Math.min(words.size(), i + N))) {
                for (int c = 0; c < word.length(); c++) {
                    hash = (hash ^ word.charAt(c)) * FNV_PRIME;
                }
                hash = (hash ^ ' ') * FNV_PRIME;
            }
            hashes[i] = hash;
        }
        return Arrays.stream(hashes).distinct().sorted().toArray();
    }

    /** Whether two short texts with these many shingles, sharing this many, are one article. */
    static boolean sameArticle(int shared, int ours, int theirs) {
        int smaller = Math.min(ours, theirs);
        int larger = Math.max(ours, theirs);
        return smaller > 0 && shared >= MIN_CONTAINMENT * smaller && smaller >= MIN_SIZE_RATIO * larger;
    }
}

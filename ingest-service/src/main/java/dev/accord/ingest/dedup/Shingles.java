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
    /** Shingle hashes kept per short article (a bottom-k sketch); a 400-word text has about 400. */
    static final int SKETCH = 64;

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

    /**
     * The smallest {@value #SKETCH} of a text's sorted shingle hashes: what is stored and looked up, so that a
     * short article costs at most that many index rows. Below the largest hash both of two sketches keep, each
     * holds every one of its text's shingles, so the shared ones there are a fair sample of all the shared ones.
     */
    static long[] sketch(long[] sorted) {
        return sorted.length <= SKETCH ? sorted : Arrays.copyOf(sorted, SKETCH);
    }

    /** The largest hash a sketch of these sorted shingles keeps: {@link Long#MAX_VALUE} when it keeps them all. */
    static long sketchLimit(long[] sorted) {
        return sorted.length <= SKETCH ? Long.MAX_VALUE : sorted[SKETCH - 1];
    }

    /** How many of the sorted shingles lie at or below {@code limit}. */
    static int countUpTo(long[] sorted, long limit) {
        int at = Arrays.binarySearch(sorted, limit);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /**
     * Whether two short texts are one article: the smaller holds at least {@value #MIN_CONTAINMENT} of its
     * shingles in common with the other, counted where both sketches are complete ({@code shared} of the
     * smaller's {@code smallerInRange} there), and is not less than {@value #MIN_SIZE_RATIO} of the larger.
     */
    static boolean sameArticle(int shared, int smallerInRange, int ours, int theirs) {
        int smaller = Math.min(ours, theirs);
        int larger = Math.max(ours, theirs);
        return smaller > 0 && smallerInRange > 0 && shared >= MIN_CONTAINMENT * smallerInRange && smaller >= MIN_SIZE_RATIO * larger;
    }
}

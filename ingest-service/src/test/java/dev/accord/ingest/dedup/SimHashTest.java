package dev.accord.ingest.dedup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.ingest.clean.TextSamples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The allocation-free simhash gives the very hashes of its regex-based definition, which stored rows hold. */
class SimHashTest {

    @Test
    void equalsTheRegexDefinitionOnArticlesAndOddTexts() {
        List<String> texts = new ArrayList<>(List.of("", " ", "one", "one two", "one two three", " one two three",
                "one two three ", "--one--two--three--four--", "İstanbul ΑΘΗΝΑ straße Ǆemal", "a \uD83D\uDE00 b c d",
                "a\uD800b c d e", "x\uDC00 y\uD83D z w", "½ ⅷ ٣ 𝟙 numbers ² count", "U.S.-Japan's ‘deal’ — signed 2024"));
        texts.addAll(TextSamples.articles());
        texts.addAll(TextSamples.random(7, "aZ9 .,-\u00e9\u0130\u03a3\u2167\u00bd\u4e2d\uD83D\uDE00\uD800\uDC00\u00ad\n", 2_000, 40));
        for (String text : texts) {
            assertThat(SimHash.of(text)).as(text.length() > 60 ? text.substring(0, 60) : text).isEqualTo(byRegex(text));
        }
    }

    /** The definition: FNV-1a (plus avalanche) of each word 3-shingle "w1 w2 w3 ", bits voted. */
    private static long byRegex(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int[] weights = new int[64];
        int shingles = 0;
        for (int i = 0; i + 3 <= words.length; i++) {
            long hash = fnv1a(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ');
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
            }
            shingles++;
        }
        if (shingles == 0) {
            return fnv1a(text);
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    private static long fnv1a(String s) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}

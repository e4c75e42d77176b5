package dev.accord.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * 64-bit simhash of a text's word 3-shingles: texts that differ by a few words (a changed
 * boilerplate line, a corrected typo) get hashes a few bits apart.
 */
public final class SimHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int SHINGLE = 3;
    private static final long LOW_BIT_OF_EACH_BYTE = 0x0101010101010101L;

    private SimHash() {
    }

    public static long of(String text) {
        // Words as String.split("[^\\p{L}\\p{N}]+") cuts the lower-cased text (a leading empty word when
        // the text starts with a separator), but kept as ranges of one UTF-8 buffer and hashed in
        // place: no regex, and no string per word or per shingle. The hashes are those of
        // "w1 w2 w3 " as before, so stored fingerprints stay comparable.
        String lower = text.toLowerCase(Locale.ROOT);
        byte[] utf8 = new byte[lower.length() * 3];
        int[] bounds = new int[64];
        int words = 0;
        int length = 0;
        int wordStart = 0;
        boolean inSeparator = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                if (inSeparator) {
                    wordStart = length;
                    inSeparator = false;
                }
                length = putUtf8(utf8, length, cp);
            } else if (!inSeparator) {
                bounds = add(bounds, words++, wordStart, length);
                inSeparator = true;
            }
        }
        if (!inSeparator) {
            bounds = add(bounds, words++, wordStart, length);
        }
        while (words > 0 && bounds[2 * words - 2] == bounds[2 * words - 1]) {
            words--; // split drops trailing empty strings
        }
        if (words < SHINGLE) {
            return fnv1a(text);
        }
        // Each bit votes +1 when set, -1 when not, so a bit wins when set in more than half the
        // shingles. The set bits are counted eight at a time in byte lanes (lane k of byte j counts
        // bit 8j+k), emptied before a lane can overflow.
        int[] ones = new int[64];
        long[] lanes = new long[8];
        int shingles = 0;
        for (int w = 0; w + SHINGLE <= words; w++) {
            long hash = FNV_OFFSET;
            for (int j = w; j < w + SHINGLE; j++) {
                for (int b = bounds[2 * j]; b < bounds[2 * j + 1]; b++) {
                    hash ^= utf8[b] & 0xff;
                    hash *= FNV_PRIME;
                }
                hash ^= ' ';
                hash *= FNV_PRIME;
            }
            hash = avalanche(hash);
            for (int k = 0; k < 8; k++) {
                lanes[k] += (hash >>> k) & LOW_BIT_OF_EACH_BYTE;
            }
            if (++shingles % 255 == 0) {
                emptyLanes(lanes, ones);
            }
        }
        emptyLanes(lanes, ones);
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    /** A letter or a number (Unicode categories L and N), as the split above reads them. */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static void emptyLanes(long[] lanes, int[] ones) {
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 8; j++) {
                ones[8 * j + k] += (int) ((lanes[k] >>> (8 * j)) & 0xff);
            }
            lanes[k] = 0;
        }
    }

    private static int putUtf8(byte[] out, int at, int cp) {
        if (cp < 0x80) {
            out[at++] = (byte) cp;
        } else if (cp < 0x800) {
            out[at++] = (byte) (0xc0 | (cp >>> 6));
            out[at++] = (byte) (0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out[at++] = (byte) (0xe0 | (cp >>> 12));
            out[at++] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
            out[at++] = (byte) (0x80 | (cp & 0x3f));
        } else {
            out[at++] = (byte) (0xf0 | (cp >>> 18));
            out[at++] = (byte) (0x80 | ((cp >>> 12) & 0x3f));
            out[at++] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
            out[at++] = (byte) (0x80 | (cp & 0x3f));
        }
        return at;
    }

    private static int[] add(int[] bounds, int word, int start, int end) {
        if (2 * word + 2 > bounds.length) {
            bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * word] = start;
        bounds[2 * word + 1] = end;
        return bounds;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The 16-bit band {@code index} (0..3) of a hash. */
    public static int band(long hash, int index) {
        return (int) ((hash >>> (16 * index)) & 0xffff);
    }

    private static long fnv1a(String s) {
        long hash = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return avalanche(hash);
    }

    /** FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64. */
    private static long avalanche(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}

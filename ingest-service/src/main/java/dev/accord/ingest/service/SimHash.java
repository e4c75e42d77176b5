package dev.accord.ingest.service;

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

    private SimHash() {
    }

    public static long of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int[] weights = new int[64];
        int shingles = 0;
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            StringBuilder shingle = new StringBuilder();
            for (int j = i; j < i + SHINGLE; j++) {
                shingle.append(words[j]).append(' ');
            }
            long hash = fnv1a(shingle.toString());
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
        // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64.
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}

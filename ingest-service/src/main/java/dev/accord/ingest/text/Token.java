package dev.accord.ingest.text;

/**
 * A word of a text at [start, end). {@code form} is the word as dictionaries compare it: dots inside
 * abbreviations dropped ("U.S." → "US"), so "U.S.", "US" and "U.S.-Japan" all meet the same entry.
 */
public record Token(String form, String lower, int start, int end) {
}

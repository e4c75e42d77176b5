package dev.accord.ingest.text;

/** A sentence of the cleaned text with its character offsets [start, end). */
public record Sentence(String text, int start, int end) {
}

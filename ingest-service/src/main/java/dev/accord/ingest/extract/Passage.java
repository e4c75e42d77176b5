package dev.accord.ingest.extract;

import dev.accord.ingest.text.Sentence;

/**
 * A sentence of an article in its place: the paragraph (or list item) it belongs to, and the section
 * heading above it, if any. Fact sheets are lists under headings; the heading often says what a
 * terse bullet is about.
 */
record Passage(Sentence sentence, int paragraph, String heading, boolean listItem) {
}

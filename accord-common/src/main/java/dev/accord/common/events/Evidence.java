package dev.accord.common.events;

/** The sentence an initiative was found in, with its character offsets [start, end) in the cleaned text. */
public record Evidence(String sentence, int start, int end) {
}

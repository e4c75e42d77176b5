package dev.accord.catalog.query;

/** A row of a list with its full-text rank (null when the list is not ordered by relevance). */
public record Hit<E>(E row, Float rank) {
}

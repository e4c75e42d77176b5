package dev.accord.catalog.api;

import java.util.function.Function;

/** How the items of one list look in the non-JSON representations: CSV columns and Atom entries. */
public record ListShape<V>(String title, CsvTable<V> csv, Function<V, AtomFeed.Entry> entry) {
}

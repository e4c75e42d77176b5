package dev.accord.alert.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the index files for one event kind. */
final class IndexPartition {
    /** By value ({@code country:JP}) or pair of values. */
    final Map<String, Postings> byKey = new ConcurrentHashMap<>();
    /** By keyword word or phrase. */
    final Map<String, Postings> byWord = new ConcurrentHashMap<>();
    volatile PostingList fallback = PostingList.EMPTY;
}

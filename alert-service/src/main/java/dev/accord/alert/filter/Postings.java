package dev.accord.alert.filter;

import java.util.Map;

/** What is filed under one key of one event kind; each list is replaced, never changed in place. */
final class Postings {
    /** Groups anchored under the key. */
    volatile PostingList groups = PostingList.EMPTY;
    /** The serials of the groups an event with the key cannot match. */
    volatile int[] excluded = SubscriptionIndex.NO_SERIALS;
    /** Under a word: groups anchored under the word together with a value or pair, by value or pair. */
    volatile Map<String, PostingList> combined;

    boolean isEmpty() {
        return groups.isEmpty() && excluded.length == 0 && combined == null;
    }
}

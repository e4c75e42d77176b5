package dev.accord.alert.filter;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Groups filed under one key: for each, its posting, the group and its subscription ids. Immutable. */
record PostingList(int[] postings, FilterGroup[] groups, UUID[][] ids) {

    static final PostingList EMPTY = new PostingList(SubscriptionIndex.NO_SERIALS, new FilterGroup[0], new UUID[0][]);

    static PostingList of(List<FilterGroup> groups) {
        PostingList list = new PostingList(new int[groups.size()], groups.toArray(FilterGroup[]::new), new UUID[groups.size()][]);
        for (int i = 0; i < list.groups.length; i++) {
            list.postings[i] = list.groups[i].posting;
            list.ids[i] = list.groups[i].ids;
        }
        return list;
    }

    boolean isEmpty() {
        return postings.length == 0;
    }

    PostingList with(FilterGroup group) {
        int n = postings.length;
        PostingList more = new PostingList(Arrays.copyOf(postings, n + 1), Arrays.copyOf(groups, n + 1), Arrays.copyOf(ids, n + 1));
        more.postings[n] = group.posting;
        more.groups[n] = group;
        more.ids[n] = group.ids;
        return more;
    }

    PostingList without(FilterGroup group) {
        int at = indexOf(group);
        if (at < 0) {
            return this;
        }
        int n = postings.length - 1;
        PostingList rest = new PostingList(new int[n], new FilterGroup[n], new UUID[n][]);
        System.arraycopy(postings, 0, rest.postings, 0, at);
        System.arraycopy(postings, at + 1, rest.postings, at, n - at);
        System.arraycopy(groups, 0, rest.groups, 0, at);
        System.arraycopy(groups, at + 1, rest.groups, at, n - at);
        System.arraycopy(ids, 0, rest.ids, 0, at);
        System.arraycopy(ids, at + 1, rest.ids, at, n - at);
        return rest;
    }

    /** The same list with the group's current ids. */
    PostingList withIdsOf(FilterGroup group) {
        int at = indexOf(group);
        if (at < 0) {
            return this;
        }
        UUID[][] fresh = ids.clone();
        fresh[at] = group.ids;
        return new PostingList(postings, groups, fresh);
    }

    private int indexOf(FilterGroup group) {
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == group) {
                return i;
            }
        }
        return -1;
    }
}

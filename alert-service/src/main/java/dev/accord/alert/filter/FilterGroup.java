package dev.accord.alert.filter;

import java.util.UUID;

/** Subscriptions whose filters are the same once normalised: the unit the index files and a match checks. */
final class FilterGroup {
    final String key;
    final SubscriptionFilter filter;
    final AnchorPlanner.Anchor anchor;
    /** Small dense number for a match's seen-set; never reused within one state. */
    final int serial;
    /** What the group's postings hold: its serial, and in the lowest bit whether its anchor is exact. */
    final int posting;
    /** The subscriptions sharing this filter. Writers only: matches read the copy in each posting list. */
    UUID[] ids;

    FilterGroup(String key, SubscriptionFilter filter, AnchorPlanner.Anchor anchor, int serial) {
        this.key = key;
        this.filter = filter;
        this.anchor = anchor;
        this.serial = serial;
        this.posting = serial << 1 | (anchor != null && anchor.exact() ? 1 : 0);
    }
}

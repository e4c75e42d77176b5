package dev.accord.console.catalog;

import java.util.List;

/** One page of the catalog's list, and the cursor of the next (null on the last). */
public record InitiativePage(List<Initiative> items, String nextCursor) {
}

package dev.accord.catalog.api;

import dev.accord.common.web.ProblemException;
import java.util.UUID;

/** Path ids are UUIDs; anything else is a clear 404 rather than a server error. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("'" + id + "' is not an id of this catalog.");
        }
    }
}

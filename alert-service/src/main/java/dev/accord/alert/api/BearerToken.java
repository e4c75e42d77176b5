package dev.accord.alert.api;

import dev.accord.common.web.ProblemException;

/** Reads the subscriber token from an {@code Authorization: Bearer …} header. */
final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Use 'Authorization: Bearer <subscription token>'.");
        }
        return authorization.substring(BEARER.length()).strip();
    }
}

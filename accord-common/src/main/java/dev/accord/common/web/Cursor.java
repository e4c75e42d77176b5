package dev.accord.common.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last item of a page, in the list's stable order (time descending, then id).
 * Opaque to clients: base64url of "epoch-micros|uuid".
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null (first page) when none was sent. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "The cursor is not one this API issued; start again without it.");
        }
    }
}

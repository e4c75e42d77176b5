package dev.accord.alert.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Subscriber tokens (stored hashed) and Standard Webhooks signing secrets ({@code whsec_} + base64). */
public final class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int SECRET_BYTES = 32;

    private Credentials() {
    }

    public static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(TOKEN_BYTES));
    }

    public static String newWebhookSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(random(SECRET_BYTES));
    }

    /** Tokens are high-entropy random values, so one SHA-256 is enough to store them safely. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}

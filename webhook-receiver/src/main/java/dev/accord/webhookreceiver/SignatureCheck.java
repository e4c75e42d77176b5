package dev.accord.webhookreceiver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks one delivery as the Standard Webhooks specification tells a receiver to, and says why it refuses
 * one: the signed content is {@code id + "." + timestamp + "." + body}, the key is the base64-decoded part of
 * the secret after {@code whsec_}, and {@code webhook-signature} holds space-separated {@code v1,<base64>}
 * entries of which one must match (several appear while a sender rotates its secret).
 */
public final class SignatureCheck {

    /** Older (or further in the future) deliveries are refused, so a captured request cannot be replayed later. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String SECRET_PREFIX = "whsec_";

    private SignatureCheck() {
    }

    /** The outcome of checking one delivery, with the reason when it is refused. */
    public record Verdict(boolean verified, String reason) {
        public static Verdict ok() {
            return new Verdict(true, null);
        }

        public static Verdict rejected(String reason) {
            return new Verdict(false, reason);
        }
    }

    /** Whether any of {@code secrets} signed the delivery, within {@link #TOLERANCE} of {@code now}. */
    public static Verdict verify(List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body,
            Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return Verdict.rejected("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.rejected("webhook-timestamp is not a number of seconds");
        }
        long skew = now.getEpochSecond() - seconds;
        if (skew > TOLERANCE.toSeconds()) {
            return Verdict.rejected("timestamp is " + skew + " s old (more than " + TOLERANCE.toMinutes() + " min)");
        }
        if (-skew > TOLERANCE.toSeconds()) {
            return Verdict.rejected("timestamp is " + (-skew) + " s in the future");
        }
        if (secrets.isEmpty()) {
            return Verdict.rejected("no signing secret known yet");
        }
        for (String secret : secrets) {
            byte[] expected;
            try {
                expected = signature(secret, id, seconds, body);
            } catch (IllegalArgumentException e) {
                return Verdict.rejected("secret is not of the form whsec_<base64>");
            }
            for (String entry : signatureHeader.strip().split(" +")) {
                int comma = entry.indexOf(',');
                if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
                    continue; // another scheme (e.g. v1a, asymmetric): not ours to check
                }
                byte[] presented;
                try {
                    presented = Base64.getDecoder().decode(entry.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                // Constant-time comparison, so timing does not tell a forger how much of a guess matched.
                if (MessageDigest.isEqual(expected, presented)) {
                    return Verdict.ok();
                }
            }
        }
        return Verdict.rejected("no v1 signature matches");
    }

    /** {@code v1,<base64 HMAC-SHA256>} of a delivery, as a sender puts it in {@code webhook-signature}. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(signature(secret, id, timestampSeconds, body));
    }

    private static byte[] signature(String secret, String id, long timestampSeconds, byte[] body) {
        String encodedKey = secret.strip();
        if (encodedKey.startsWith(SECRET_PREFIX)) {
            encodedKey = encodedKey.substring(SECRET_PREFIX.length());
        }
        byte[] key = Base64.getDecoder().decode(encodedKey);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

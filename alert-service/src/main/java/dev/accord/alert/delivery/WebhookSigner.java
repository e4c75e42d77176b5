package dev.accord.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies per the Standard Webhooks specification: HMAC-SHA256 keyed with the
 * base64-decoded part of the {@code whsec_} secret, over {@code id.timestamp.body}, sent as
 * {@code v1,<base64 signature>}. With several secrets (a rotation's overlap) the signatures are
 * joined by spaces, and a receiver accepts the message if any of them verifies.
 */
public final class WebhookSigner {

    private static final String PREFIX = "whsec_";
    /** Looking up a Mac searches the security providers each time; a worker thread keeps its own and re-keys it. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    });

    private WebhookSigner() {
    }

    /** One {@code v1,} signature per secret, space-separated, in the given order. */
    public static String sign(java.util.List<String> secrets, String msgId, long timestampSeconds, String body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, msgId, timestampSeconds, body)).toList());
    }

    public static String sign(String secret, String msgId, long timestampSeconds, String body) {
        String key = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] signature = mac.doFinal((msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 with a decoded secret cannot fail", e);
        }
    }
}

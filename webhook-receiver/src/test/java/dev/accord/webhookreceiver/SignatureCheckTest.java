package dev.accord.webhookreceiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    // A key of our own, and a signature computed here independently of the code under test.
    private static final byte[] KEY = "accord-demo-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final String ID = "msg_2Xc9Accord";
    private static final long TS = 1_712_800_000L;
    private static final Instant NOW = Instant.ofEpochSecond(TS + 30);
    private static final byte[] BODY = "{\"type\":\"accord.initiative.cataloged\",\"catalogUrl\":\"http://localhost:8082/api/initiatives/1\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static String expectedSignature(byte[] key, String signedContent) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
    }

    private static String vector() throws Exception {
        return expectedSignature(KEY, ID + "." + TS + "." + new String(BODY, StandardCharsets.UTF_8));
    }

    @Test
    void signsTheWayTheSpecificationSays() throws Exception {
        assertThat(SignatureCheck.sign(SECRET, ID, TS, BODY)).isEqualTo(vector());
    }

    @Test
    void acceptsAMatchingSignature() throws Exception {
        var verdict = SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), vector(), BODY, NOW);
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() throws Exception {
        String header = "v1,Zm9yZ2VkLXNpZ25hdHVyZS1vZi0zMi1ieXRlcy4uLi4= v1a,ignored " + vector();
        var verdict = SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), header, BODY, NOW);
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void acceptsWhenAnyKnownSecretMatches() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("another-key".getBytes(StandardCharsets.UTF_8));
        var verdict = SignatureCheck.verify(List.of(other, SECRET), ID, String.valueOf(TS), vector(), BODY, NOW);
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void acceptsTheStandardWebhooksReferenceVector() {
        // The example published with the Standard Webhooks specification, so we interoperate with its libraries.
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        var verdict = SignatureCheck.verify(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                body, Instant.ofEpochSecond(1614265330));
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void rejectsATamperedBody() throws Exception {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("/1", "/2").getBytes(StandardCharsets.UTF_8);
        var verdict = SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), vector(), tampered, NOW);
        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.reason()).contains("no v1 signature matches");
    }

    @Test
    void rejectsAnotherId() throws Exception {
        var verdict = SignatureCheck.verify(List.of(SECRET), "msg_other", String.valueOf(TS), vector(), BODY, NOW);
        assertThat(verdict.verified()).isFalse();
    }

    @Test
    void rejectsTheWrongSecret() throws Exception {
        String wrong = "whsec_" + Base64.getEncoder().encodeToString("not-the-key".getBytes(StandardCharsets.UTF_8));
        var verdict = SignatureCheck.verify(List.of(wrong), ID, String.valueOf(TS), vector(), BODY, NOW);
        assertThat(verdict.verified()).isFalse();
    }

    @Test
    void rejectsATimestampOlderThanFiveMinutes() throws Exception {
        var verdict = SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), vector(), BODY,
                Instant.ofEpochSecond(TS + 301));
        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.reason()).contains("old");
    }

    @Test
    void rejectsATimestampFarInTheFuture() throws Exception {
        var verdict = SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), vector(), BODY,
                Instant.ofEpochSecond(TS - 301));
        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.reason()).contains("future");
    }

    @Test
    void rejectsMissingHeadersAndUnknownSecret() throws Exception {
        assertThat(SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), null, BODY, NOW).verified()).isFalse();
        assertThat(SignatureCheck.verify(List.of(SECRET), null, String.valueOf(TS), vector(), BODY, NOW).verified()).isFalse();
        assertThat(SignatureCheck.verify(List.of(SECRET), ID, "yesterday", vector(), BODY, NOW).verified()).isFalse();
        assertThat(SignatureCheck.verify(List.of(), ID, String.valueOf(TS), vector(), BODY, NOW).reason())
                .contains("no signing secret");
    }

    @Test
    void rejectsGarbledSignatureEntries() {
        var verdict = SignatureCheck.verify(List.of(SECRET), ID, String.valueOf(TS), "v1,not*base64 nocomma", BODY, NOW);
        assertThat(verdict.verified()).isFalse();
    }
}

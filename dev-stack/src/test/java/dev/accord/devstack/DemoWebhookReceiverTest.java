package dev.accord.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWebhookReceiverTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void readsSecretsFromAFileThatAppearsLater(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        DemoWebhookReceiver receiver = new DemoWebhookReceiver(List.of(), file);
        assertThat(receiver.secrets()).isEmpty();

        Files.writeString(file, "# written by ./accord\n" + SECRET + "\n");
        assertThat(receiver.secrets()).containsExactly(SECRET);
    }

    @Test
    void logsADeliveryOnOneLineWithAFewOfItsFields() {
        String body = "{\"type\":\"accord.initiative.cataloged\",\"initiative\":{\"title\":\"Joint air defence network\"},"
                + "\"catalogUrl\":\"http://localhost:8082/api/initiatives/1\"}";

        String line = DemoWebhookReceiver.describe(true, null, "msg_1", "/hook", body);

        assertThat(line).contains(" VERIFIED /hook webhook-id=msg_1 type=\"accord.initiative.cataloged\"",
                "title=\"Joint air defence network\"", "catalogUrl=\"http://localhost:8082/api/initiatives/1\"");
        assertThat(DemoWebhookReceiver.describe(false, "no v1 signature matches", "msg_2", "/hook", "{}"))
                .contains(" REJECTED /hook webhook-id=msg_2", "reason: no v1 signature matches");
    }
}

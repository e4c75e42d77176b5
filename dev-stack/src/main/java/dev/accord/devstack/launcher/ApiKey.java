package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** The ingest write key: ACCORD_INGEST_API_KEY, or a dev key generated once and kept in .accord/api-key. */
public record ApiKey(String value, String note) {

    public static ApiKey ensure(StackSettings settings) {
        if (!settings.apiKey().isEmpty()) {
            return new ApiKey(settings.apiKey(), "from ACCORD_INGEST_API_KEY");
        }
        Path file = settings.state().dir().resolve("api-key");
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                PrivateFiles.write(file, "dev-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n", false);
            }
            return new ApiKey(Files.readString(file).trim(), "dev key, kept in " + settings.state().show(file));
        } catch (IOException e) {
            throw new LauncherException("could not keep the API key in " + file + ": " + e.getMessage());
        }
    }
}

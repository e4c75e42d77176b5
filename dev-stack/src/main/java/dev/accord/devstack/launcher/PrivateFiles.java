package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read (keys, tokens, webhook secrets). */
final class PrivateFiles {

    private PrivateFiles() {
    }

    static void write(Path file, String text, boolean append) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        if (append) {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } else {
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }
}

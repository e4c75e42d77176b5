package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the dev-stack build leaves in dev-stack/target: its jar and lib/, and the broker's kafka-libs/. */
public record DevStackJars(Path target) {

    public static DevStackJars in(Path root) {
        return new DevStackJars(root.resolve("dev-stack/target"));
    }

    /** The tools' class path (TopicCreator, EmbeddedPostgresServer, MailSink, DemoWebhookReceiver). */
    public String toolsClasspath() {
        return jar() + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    public String kafkaClasspath() {
        return target.resolve("kafka-libs") + "/*";
    }

    public Path kafkaLogConfig() {
        return target.getParent().resolve("src/main/kafka/log4j2.properties");
    }

    private Path jar() {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "dev-stack-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")) {
                    return jar;
                }
            }
        } catch (IOException e) {
            // Reported below.
        }
        throw new LauncherException("dev-stack/target has no dev-stack jar; build it with ./mvnw -pl dev-stack package");
    }
}

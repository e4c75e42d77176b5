package dev.accord.devstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs dev-stack's TopicCreator, logging to topics.log, and shows what it did. */
final class Topics {

    private static final String PREFIX = "TopicCreator: ";

    private Topics() {
    }

    static void create(StackSettings settings, DevStackJars jars, String bootstrap) {
        StateDir state = settings.state();
        Path log = state.log("topics");
        Out.say("    topics: creating Accord's topics on " + bootstrap + " (6 partitions, replication "
                + settings.topicReplication() + ")");
        try {
            Process process = new ProcessBuilder(List.of(ComponentProcess.java(), "-cp", jars.toolsClasspath(),
                    "dev.accord.devstack.TopicCreator", bootstrap, settings.topicReplication()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (process.waitFor() != 0) {
                throw ComponentLog.failure(state, "topics", "could not create the topics on " + bootstrap);
            }
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(PREFIX)) {
                    Out.say("      " + line.substring(PREFIX.length()));
                }
            }
        } catch (IOException e) {
            throw new LauncherException("could not run the topic creator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while creating topics");
        }
    }
}

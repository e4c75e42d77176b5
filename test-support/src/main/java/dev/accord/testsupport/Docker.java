package dev.accord.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine can run containers for this test JVM. */
final class Docker {

    private static Boolean available;

    private Docker() {
    }

    static synchronized boolean available() {
        if (available == null) {
            // Asking Testcontainers costs seconds of probing when there is plainly no engine; skip it then.
            boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
            available = hint && !Boolean.getBoolean("accord.test.no-docker") && probe();
        }
        return available;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}

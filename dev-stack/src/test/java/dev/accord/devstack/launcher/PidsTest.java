package dev.accord.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidsTest {

    @TempDir
    Path dir;

    @Test
    void aPidCountsOnlyWhileItsProcessCarriesTheComponentsMarker() throws Exception {
        StateDir state = new StateDir(dir, dir.resolve(".accord"));
        state.create();
        Pids pids = new Pids(state);
        // This JVM is alive, but its command line does not name the catalog: a recycled pid, as far as we know.
        pids.write("catalog-service", ProcessHandle.current().pid());
        assertThat(pids.running("catalog-service")).isEmpty();
        assertThat(pids.hasFile("catalog-service")).isTrue();

        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(state.pidFile("kafka"), sleeper.pid() + "\n");
            assertThat(pids.running("kafka")).isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThat(Pids.alive(sleeper.pid())).isFalse();
    }

    @Test
    void theWaitForReadinessFollowsTheStartedPidBeforeItsCommandLineNamesTheComponent() throws Exception {
        StateDir state = new StateDir(dir, dir.resolve(".accord"));
        state.create();
        Pids pids = new Pids(state);
        // As between spawn and exec: the process lives, but its command line is not the component's yet.
        Process starting = new ProcessBuilder("sleep", "30").start();
        try {
            pids.write("catalog-service", starting.pid());
            assertThat(pids.running("catalog-service")).isEmpty();
            assertThat(pids.recorded("catalog-service")).hasValue(starting.pid());
            AtomicInteger polls = new AtomicInteger();
            Probes.awaitReady(state, "catalog-service", System.nanoTime() + Duration.ofSeconds(10).toNanos(),
                    Duration.ofSeconds(10), "ready", () -> polls.incrementAndGet() > 2, Duration.ofMillis(10));
            assertThat(polls).hasValue(3);
        } finally {
            starting.destroyForcibly().waitFor();
        }
        assertThatThrownBy(() -> Probes.awaitReady(state, "catalog-service", System.nanoTime() + Duration.ofSeconds(10).toNanos(),
                Duration.ofSeconds(10), "ready", () -> false, Duration.ofMillis(10)))
                .hasMessageContaining("catalog-service exited before it was ready");
    }

    @Test
    void replicasAreKnownByTheirPidFiles() throws Exception {
        StateDir state = new StateDir(dir, dir.resolve(".accord"));
        state.create();
        Files.writeString(state.pidFile("catalog-service-2"), "1\n");
        Files.writeString(state.pidFile("catalog-service-backup"), "1\n");
        assertThat(new Pids(state).knownInstances())
                .containsExactly("ingest-service", "catalog-service", "catalog-service-2", "alert-service");
        assertThat(state.show(state.log("kafka"))).isEqualTo(".accord/logs/kafka.log");
    }
}

package dev.accord.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

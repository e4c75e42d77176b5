package dev.accord.devstack.launcher;

import java.util.List;
import java.util.Map;

/** The stack's database: the one ACCORD_DB_URL names, or an embedded PostgreSQL in .accord/postgres. */
final class PostgresServer {

    private PostgresServer() {
    }

    static Database start(StackSettings settings, DevStackJars jars) {
        if (settings.externalDb() != null) {
            Out.say("    PostgreSQL: using " + settings.externalDb().url() + " (ACCORD_DB_URL)");
            return settings.externalDb();
        }
        StateDir state = settings.state();
        int port = settings.ports().postgres();
        new StackStopper(state).stopLeftoverPostgres();
        Probes.requireFreePort(port, "the embedded PostgreSQL",
                "Set ACCORD_DB_URL to use the server there, or ACCORD_PG_PORT to move ours.");
        Out.say("    PostgreSQL: starting an embedded server on localhost:" + port + " (data in "
                + state.show(state.dir().resolve("postgres")) + ")");
        ComponentProcess.start(state, Component.POSTGRES, Map.of(), null, List.of(ComponentProcess.java(), "-Xmx128m",
                "-Dot.epg.working-dir=" + state.dir().resolve("postgres-binaries"), "-cp", jars.toolsClasspath(),
                "dev.accord.devstack.EmbeddedPostgresServer", Integer.toString(port), state.dir().resolve("postgres").toString()));
        // The embedded server trusts local connections (initdb -A trust); the password is a placeholder.
        return new Database("jdbc:postgresql://localhost:" + port + "/accord", "postgres", "postgres");
    }
}

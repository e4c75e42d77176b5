package dev.accord.devstack.launcher;

/** What {@code up} prints once everything is ready: the URLs, the key, where the logs are. */
final class Summary {

    private final Stack stack;
    private final UpOptions options;

    Summary(Stack stack, UpOptions options) {
        this.stack = stack;
        this.options = options;
    }

    void print() {
        StackSettings settings = stack.settings();
        StackPorts ports = settings.ports();
        StateDir state = stack.state();
        Out.say("");
        Out.say("Accord is up.");
        if (!options.infraOnly()) {
            Out.say("  console          http://localhost:" + ports.console() + "/   (search the catalog, read initiatives, subscribe)");
            for (ServiceInstance instance : options.instances()) {
                int port = ports.port(instance);
                Out.say(String.format("  %-16s http://localhost:%d/api/   Swagger UI http://localhost:%d/q/swagger-ui   health http://localhost:%d/q/health",
                        instance.name(), port, port, port));
            }
            ApiKey key = stack.apiKey();
            Out.say("  ingest API key   " + key.value() + "   (" + key.note() + ")");
            if (settings.mailSink()) {
                Out.say("  mail inbox       http://localhost:" + ports.mailInbox()
                        + "/   (every mail alert-service sends, to any address; JSON at /api/messages)");
            }
        }
        Out.say("  Kafka            " + stack.bootstrap());
        Out.say("  PostgreSQL       " + stack.database().url() + " (user " + stack.database().user() + ")");
        Out.say("  Logs             " + state.show(state.logs()) + "/<component>.log");
        if (!options.infraOnly()) {
            Out.say("");
            Out.say("Try:");
            Out.say("  curl -H 'Authorization: Bearer " + stack.apiKey().value() + "' -H 'Content-Type: text/plain' --data-binary @"
                    + Demo.SEED_SAMPLE + " http://localhost:" + ports.ingest() + "/api/articles");
            Out.say("  curl http://localhost:" + ports.catalog() + "/api/initiatives");
        }
        if (options.demo()) {
            Out.say("");
            Out.say("Demo: verified webhook deliveries are logged one per line (VERIFIED / REJECTED) in");
            Out.say("  " + state.show(state.log(Component.RECEIVER)) + "   (tail -f it to watch)");
            if (settings.mailSink()) {
                Out.say("Demo: alert mails for demo@accord.example arrive in the mail sink, http://localhost:" + ports.mailInbox() + "/");
            }
        }
    }
}

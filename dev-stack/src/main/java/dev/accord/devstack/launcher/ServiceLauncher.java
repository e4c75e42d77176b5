package dev.accord.devstack.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the packaged services (target/quarkus-app) and the console against the stack's Kafka and database. */
public final class ServiceLauncher {

    private final StackSettings settings;
    private final String bootstrap;
    private final Database db;
    private final String apiKey;

    public ServiceLauncher(StackSettings settings, String bootstrap, Database db, String apiKey) {
        this.settings = settings;
        this.bootstrap = bootstrap;
        this.db = db;
        this.apiKey = apiKey;
    }

    public String catalogUrl() {
        return "http://localhost:" + settings.ports().catalog();
    }

    public long start(ServiceInstance instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("ACCORD_DB_URL", db.url());
        env.put("ACCORD_DB_USER", db.user());
        env.put("ACCORD_DB_PASSWORD", db.password());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.ports().port(instance)));
        env.put("QUARKUS_HTTP_HOST", settings.httpHost());
        env.put("ACCORD_INGEST_API_KEY", apiKey);
        env.put("ACCORD_CATALOG_PUBLIC_URL", settings.catalogPublicUrl().isEmpty() ? catalogUrl() : settings.catalogPublicUrl());
        env.put("ACCORD_CATALOG_URL", catalogUrl());
        env.put("ACCORD_WEBHOOKS_ALLOWED_HOSTS", settings.webhookAllowedHosts());
        if (settings.mailSink()) {
            env.put("ACCORD_SMTP_HOST", "127.0.0.1");
            env.put("ACCORD_SMTP_PORT", Integer.toString(settings.ports().mailSmtp()));
        }
        return startQuarkusApp(instance.name(), instance.service(), env);
    }

    /** The web console, which reads the catalog's and alert-service's public APIs. */
    public long startConsole() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.ports().console()));
        env.put("QUARKUS_HTTP_HOST", settings.httpHost());
        env.put("ACCORD_CATALOG_URL", catalogUrl());
        env.put("ACCORD_ALERT_URL", "http://localhost:" + settings.ports().alert());
        return startQuarkusApp(Component.CONSOLE, "console", env);
    }

    private long startQuarkusApp(String name, String module, Map<String, String> env) {
        QuarkusApp app = QuarkusApp.of(settings.root(), module);
        return ComponentProcess.start(settings.state(), name, env, app.directory(), app.command(settings.serviceJavaOpts(), name));
    }
}

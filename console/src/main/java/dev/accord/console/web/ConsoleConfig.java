package dev.accord.console.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where the console finds the services whose public APIs it shows ({@code accord.console.*}). */
@ConfigMapping(prefix = "accord.console")
public interface ConsoleConfig {

    /** catalog-service's base URL, as the console reaches it. */
    @WithDefault("http://localhost:8082")
    URI catalogUrl();

    /** alert-service's base URL, as the console reaches it. */
    @WithDefault("http://localhost:8083")
    URI alertUrl();

    /** The catalog's URL as a browser reaches it, for the CSV and Atom links (default: {@link #catalogUrl()}). */
    Optional<URI> publicCatalogUrl();

    /** Time allowed for each call to a service. */
    @WithDefault("10s")
    Duration timeout();
}

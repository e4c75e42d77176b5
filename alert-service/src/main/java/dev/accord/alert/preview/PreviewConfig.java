package dev.accord.alert.preview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** The subscription preview ({@code accord.alert.preview.*}): where the catalog is and how much of it one preview reads. */
@ConfigMapping(prefix = "accord.alert.preview")
public interface PreviewConfig {

    /** The catalog-service's base URL, whose public query API the preview reads. */
    @WithDefault("http://localhost:8082")
    URI catalogUrl();

    /** The window when the request names none. */
    @WithDefault("30")
    int defaultDays();

    /** The longest window a preview may look back over. */
    @WithDefault("90")
    int maxDays();

    /** Most catalog entries one preview reads; a window with more is reported as not fully read. */
    @WithDefault("5000")
    int maxScanned();

    /** Most matching entries listed in the answer (all are counted). */
    @WithDefault("100")
    int maxListed();

    /** Time allowed for each request to the catalog. */
    @WithDefault("10s")
    Duration timeout();
}

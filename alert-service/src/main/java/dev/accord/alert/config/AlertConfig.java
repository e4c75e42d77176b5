package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the alert service an operator may want to change ({@code accord.alert.*}). */
@ConfigMapping(prefix = "accord.alert")
public interface AlertConfig {

    Webhooks webhooks();

    Delivery delivery();

    /** Outbound webhook calls. */
    interface Webhooks {
        /** Hosts exempt from the private-address check; the dev stack allows loopback, production allows none. */
        Optional<List<String>> allowedHosts();

        @WithDefault("15s")
        Duration timeout();

        /** After a secret rotation the previous secret keeps signing (a second signature) for this long. */
        @WithDefault("24h")
        Duration secretOverlap();

        /**
         * How long a connection to a receiver stays open after a delivery for the next one to reuse (0s: one
         * connection per delivery). Shorter than common servers' idle timeouts (Node.js closes after 5 s), so
         * the client closes first and rarely reuses a connection the receiver is closing.
         */
        @WithDefault("2s")
        Duration keepAlive();
    }

    /** The delivery worker. */
    interface Delivery {
        /** How often the worker looks for due deliveries (read by the scheduler). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();

        /** A claimed delivery not finished within this time is taken over by another worker. */
        @WithDefault("60s")
        Duration claimTimeout();

        /** Delay before each retry; the number of entries is the number of retries. Svix's schedule by default. */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retryDelays();

        /** Each delay is varied by up to this fraction either way, so retries from many failures spread out. */
        @WithDefault("0.2")
        double jitter();

        /** Threads sending deliveries on this replica. */
        @WithDefault("32")
        int workers();

        /** Attempts in progress at once per endpoint (webhook URL) on this replica, so a slow one cannot hold up the rest. */
        @WithDefault("4")
        int perEndpointConcurrency();

        /** Longest pause a 429/503 Retry-After can impose; longer requests are cut to this. */
        @WithDefault("10h")
        Duration maxRetryAfter();

        /** A webhook endpoint whose attempts have all failed for this long is disabled. */
        @WithDefault("5d")
        Duration disableAfter();
    }
}

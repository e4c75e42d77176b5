package dev.accord.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the subscription API ({@code accord.alert.api.*}). */
@ConfigMapping(prefix = "accord.alert.api")
public interface SubscriptionApiConfig {

    /** Largest request body accepted on the subscription API, in bytes; larger ones get 413. */
    @WithDefault("16384")
    int maxBodyBytes();

    RateLimit rateLimit();

    /**
     * Token buckets per client IP and per subscriber token, kept in memory by each replica: with N
     * replicas behind a balancer a client may get up to N times these rates.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Burst a single client IP may send at once. */
        @WithDefault("120")
        int perIpCapacity();

        /** Requests per minute a client IP may sustain. */
        @WithDefault("120")
        double perIpPerMinute();

        @WithDefault("60")
        int perTokenCapacity();

        @WithDefault("60")
        double perTokenPerMinute();

        /** Buckets kept at most per limit; idle (full) ones are dropped first when there are more. */
        @WithDefault("100000")
        int maxTrackedClients();
    }
}

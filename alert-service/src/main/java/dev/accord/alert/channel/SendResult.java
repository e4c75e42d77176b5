package dev.accord.alert.channel;

import java.time.Duration;
import java.util.Optional;

/** The outcome of one attempt: the HTTP status (0 when none came back), an error, and any Retry-After. */
public record SendResult(int status, String error, Optional<Duration> retryAfter) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}

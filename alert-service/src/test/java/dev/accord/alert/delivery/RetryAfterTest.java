package dev.accord.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration MAX = Duration.ofHours(10);

    @Test
    void secondsAndHttpDatesAreRead() {
        assertThat(RetryAfter.parse("120", NOW, MAX)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 7 ", NOW, MAX)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:05:00 GMT", NOW, MAX)).contains(Duration.ofMinutes(5));
    }

    @Test
    void pastDatesMeanNowAndLongWaitsAreCapped() {
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 09:00:00 GMT", NOW, MAX)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("86400", NOW, MAX)).contains(MAX);
        assertThat(RetryAfter.parse("99999999999999999999", NOW, MAX)).contains(MAX);
        assertThat(RetryAfter.parse("Mon, 30 Nov 2026 10:00:00 GMT", NOW, MAX)).contains(MAX);
    }

    @Test
    void garbageIsIgnored() {
        assertThat(RetryAfter.parse("soon", NOW, MAX)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW, MAX)).isEmpty();
        assertThat(RetryAfter.parse("", NOW, MAX)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW, MAX)).isEmpty();
    }
}

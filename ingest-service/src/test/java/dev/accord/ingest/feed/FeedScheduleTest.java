package dev.accord.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedScheduleTest {

    private final FeedSchedule schedule = new FeedSchedule(Duration.ofMinutes(5), Duration.ofHours(24));

    @Test
    void aFirstPollStartsAtTheMinimum() {
        assertThat(schedule.afterSuccess(Duration.ofMinutes(5), 40, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aBusyFeedIsPolledAboutOncePerNewEntry() {
        assertThat(schedule.afterSuccess(Duration.ofHours(1), 4, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.afterSuccess(Duration.ofHours(1), 100, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.afterSuccess(Duration.ofHours(20), 1, Optional.of(Duration.ofHours(30)))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aQuietFeedDriftsTowardsTheMaximum() {
        Duration interval = Duration.ofMinutes(5);
        for (int poll = 0; poll < 20; poll++) {
            Duration next = schedule.afterSuccess(interval, 0, Optional.of(interval));
            assertThat(next).isGreaterThanOrEqualTo(interval).isLessThanOrEqualTo(Duration.ofHours(24));
            interval = next;
        }
        assertThat(interval).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void errorsBackOffExponentiallyUpToTheMaximum() {
        assertThat(schedule.afterError(1, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.afterError(2, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.afterError(4, Optional.empty())).isEqualTo(Duration.ofMinutes(40));
        assertThat(schedule.afterError(60, Optional.empty())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackOffAndCapped() {
        assertThat(schedule.afterError(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.afterError(4, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofMinutes(40));
        assertThat(schedule.afterError(1, Optional.of(Duration.ofDays(30)))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2024-04-10T12:00:00Z");
        assertThat(FeedFetcher.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(FeedFetcher.retryAfter("Wed, 10 Apr 2024 13:30:00 GMT", now)).contains(Duration.ofMinutes(90));
        assertThat(FeedFetcher.retryAfter("Wed, 10 Apr 2024 11:00:00 GMT", now)).isEmpty();
        assertThat(FeedFetcher.retryAfter("soon", now)).isEmpty();
        assertThat(FeedFetcher.retryAfter("-5", now)).isEmpty();
    }
}

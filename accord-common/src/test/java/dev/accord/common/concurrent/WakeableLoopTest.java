package dev.accord.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WakeableLoopTest {

    private static final long WAIT_SECONDS = 10;

    @Test
    void aWakeUpRunsAPassLongBeforeTheInterval() throws Exception {
        BlockingQueue<Boolean> passes = new LinkedBlockingQueue<>();
        WakeableLoop loop = new WakeableLoop("test-loop", Duration.ofHours(1), passes::add);
        loop.start();
        try {
            loop.wake();
            assertThat(passes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("woken pass").isTrue();
            loop.wake();
            assertThat(passes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("second woken pass").isTrue();
        } finally {
            loop.stop(Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    @Test
    void withoutAWakeUpAPassRunsEachIntervalAndSaysSo() throws Exception {
        BlockingQueue<Boolean> passes = new LinkedBlockingQueue<>();
        WakeableLoop loop = new WakeableLoop("test-loop", Duration.ofMillis(50), passes::add);
        loop.start();
        try {
            assertThat(passes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("pass after the interval").isFalse();
            assertThat(passes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("and again").isFalse();
        } finally {
            loop.stop(Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    @Test
    void aFailingPassDoesNotEndTheLoop() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<Integer> passes = new LinkedBlockingQueue<>();
        WakeableLoop loop = new WakeableLoop("test-loop", Duration.ofHours(1), woken -> {
            passes.add(calls.incrementAndGet());
            if (calls.get() == 1) {
                throw new IllegalStateException("first pass fails");
            }
        });
        loop.start();
        try {
            loop.wake();
            assertThat(passes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            loop.wake();
            assertThat(passes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            loop.stop(Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    @Test
    void stopLetsTheCurrentPassEndAndStartsNoOther() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WakeableLoop[] self = new WakeableLoop[1];
        self[0] = new WakeableLoop("test-loop", Duration.ofMillis(20), woken -> {
            events.add("pass");
            // A pass sees the stop through running() and ends what it holds.
            while (self[0].running()) {
                Thread.onSpinWait();
            }
            events.add("pass ended");
        });
        self[0].start();
        assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("pass");
        self[0].stop(Duration.ofSeconds(WAIT_SECONDS));
        // stop() returned after the thread ended: the pass finished and none followed.
        assertThat(events).containsExactly("pass ended");
        assertThat(self[0].running()).isFalse();
    }
}

package dev.accord.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointSlotsTest {

    @Test
    void eachEndpointHasItsOwnCap() {
        EndpointSlots slots = new EndpointSlots(2);
        assertThat(slots.tryAcquire("a")).isTrue();
        assertThat(slots.tryAcquire("a")).isTrue();
        assertThat(slots.tryAcquire("a")).isFalse();
        assertThat(slots.tryAcquire("b")).isTrue();
        assertThat(slots.full()).containsExactly("a");
        slots.release("a");
        assertThat(slots.full()).isEmpty();
        assertThat(slots.tryAcquire("a")).isTrue();
    }
}

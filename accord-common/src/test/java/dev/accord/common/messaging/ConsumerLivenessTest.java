package dev.accord.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsumerLivenessTest {

    @Test
    void anErrorInADeliveryMakesTheServiceDeadWhileExceptionsLeaveItAlive() {
        ConsumerLiveness liveness = new ConsumerLiveness();
        liveness.run("catalog-in", () -> { });
        assertThatThrownBy(() -> liveness.run("catalog-in", () -> {
            throw new IllegalStateException("a bad record: the failure strategy's business");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(liveness.deadChannels()).isEmpty();

        assertThatThrownBy(() -> liveness.run("catalog-in", () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class);

        assertThat(liveness.deadChannels()).containsOnlyKeys("catalog-in");
        assertThat(liveness.deadChannels().get("catalog-in")).contains("OutOfMemoryError: Java heap space");
    }
}

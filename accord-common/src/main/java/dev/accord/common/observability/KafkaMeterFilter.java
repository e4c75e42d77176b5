package dev.accord.common.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

/**
 * Kafka's consumer registers its per-partition fetch metrics (records lag among them) twice: once with the topic
 * as named and once, for old dashboards, with its dots turned into underscores. Accord's topics all have dots, so
 * the underscored copy is dropped and each lag is exposed once.
 */
@Singleton
public class KafkaMeterFilter implements MeterFilter {

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String topic = id.getTag("topic");
        return id.getName().startsWith("kafka.") && topic != null && topic.indexOf('.') < 0 && topic.indexOf('_') >= 0
                ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
}

package dev.accord.common.messaging;

import dev.accord.common.db.DatabaseRetry;
import dev.accord.common.events.EventDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * How a service consumes a poll of CloudEvents into its database: each record is decoded (one that
 * breaks the contract goes to the dead-letter topic at once), then the whole batch is written in one
 * go, waiting out a database outage. If the database refuses the batch for its data, the events are
 * written one at a time so that only the culprit is dead-lettered. The caller's method returns only
 * after all of that, so the connector acknowledges the poll once it is stored.
 */
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;

    public EventBatches(DatabaseRetry retry, DeadLetters deadLetters) {
        this.retry = retry;
        this.deadLetters = deadLetters;
    }

    /**
     * @param decode the service's reading of one event; throws (typically {@link EventDecoder.InvalidEventException}) for a bad one
     * @param write writes events in one transaction of its own and says what it did; may run more than once
     * @param written told what each committed write did, once per batch or per event written singly
     */
    public <T, R> void store(ConsumerRecords<String, String> records, Function<CloudEventRecord, T> decode,
            Function<List<T>, R> write, BiConsumer<List<T>, R> written) {
        List<ConsumerRecord<String, String>> accepted = new ArrayList<>();
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(decode.apply(CloudEventRecord.of(record)));
                accepted.add(record);
            } catch (RuntimeException e) {
                // Decoding touches no database: whatever goes wrong in it is the record's fault.
                deadLetters.send(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            written.accept(events, writeWithRetry(events, write));
        } catch (DatabaseRetry.ConsumptionStopped e) {
            // Not the data's fault: nothing is acknowledged, and the partition's next owner takes the batch.
            throw e;
        } catch (RuntimeException batchFailure) {
            LOG.warnf("A batch of %d events from %s failed (%s); writing them one at a time", events.size(),
                    accepted.get(0).topic(), batchFailure.getMessage());
            for (int i = 0; i < events.size(); i++) {
                List<T> single = List.of(events.get(i));
                try {
                    written.accept(single, writeWithRetry(single, write));
                } catch (DatabaseRetry.ConsumptionStopped e) {
                    throw e;
                } catch (RuntimeException e) {
                    deadLetters.send(accepted.get(i), e);
                }
            }
        }
    }

    private <T, R> R writeWithRetry(List<T> events, Function<List<T>, R> write) {
        List<R> result = new ArrayList<>(1);
        retry.run(() -> {
            result.clear();
            result.add(write.apply(events));
        });
        return result.get(0);
    }
}

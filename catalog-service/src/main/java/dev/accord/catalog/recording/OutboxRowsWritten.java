package dev.accord.catalog.recording;

/** Fired in a transaction that wrote outbox rows; once it commits, this replica's relay looks at once. */
public record OutboxRowsWritten(int count) {
}

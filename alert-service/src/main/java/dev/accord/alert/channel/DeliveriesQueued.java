package dev.accord.alert.channel;

/** Fired in a transaction that added delivery rows; once it commits, this replica's dispatcher looks at once. */
public record DeliveriesQueued(int count) {
}

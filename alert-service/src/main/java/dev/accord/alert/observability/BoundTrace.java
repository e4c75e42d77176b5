package dev.accord.alert.observability;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;

/**
 * The trace of the catalog event matched in the current transaction. It reaches the database only
 * when a delivery row is inserted, so an event that matches nothing costs no statement for it.
 */
@TransactionScoped
public class BoundTrace implements Serializable {

    private static final long serialVersionUID = 1L;

    private String traceparent;
    private boolean written;

    void bind(String traceparent) {
        this.traceparent = traceparent;
        this.written = false;
    }

    /** The traceparent still to be written to the transaction's settings, or null if none is. */
    String unwritten() {
        return written ? null : traceparent;
    }

    void markWritten() {
        written = true;
    }
}

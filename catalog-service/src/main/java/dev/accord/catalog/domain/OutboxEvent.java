package dev.accord.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A catalog change waiting to be relayed to accord.catalog. Written in the same transaction as the
 * change itself, so a change is never stored without its event nor announced without being stored.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The CloudEvents id, fixed when the row is written so every relay attempt carries the same one. */
    public UUID eventId;
    public String eventType;
    public UUID aggregateId;
    public String payload;
    public Instant createdAt;
    public Instant publishedAt;
    /** W3C traceparent of the event that caused the change; the relay publishes in that trace. */
    public String traceparent;
}

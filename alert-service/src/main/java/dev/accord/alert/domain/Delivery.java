package dev.accord.alert.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification owed to one subscription for one event. Its id is the {@code webhook-id}, the same
 * on every attempt, so receivers can de-duplicate.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID subscriptionId;
    public String eventId;
    public String eventType;
    public String payload;
    public DeliveryStatus status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant claimedUntil;
    public Integer lastStatus;
    public String lastError;
    public Instant createdAt;
    public Instant deliveredAt;
    /** Set by a manual retry or replay: one attempt, then dead again if it fails. */
    public boolean finalAttempt;
}

package dev.accord.alert.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscriber's standing request: what to match and where to send it. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> orgs;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords;
    /** Optional query in the subscription query language, stored as written. */
    public String query;
    /** Kinds of catalog change that notify ({@code filter.EventKind} wire names). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events = List.of("initiative.cataloged");
    public String channelType;
    public String webhookUrl;
    /** The signing secret must be readable to sign; the subscriber's token, by contrast, is kept only as a hash. */
    public String webhookSecret;
    public String tokenHash;
    /** The secret before the last rotation; it signs too until {@link #previousSecretExpiresAt}. */
    public String previousWebhookSecret;
    public Instant previousSecretExpiresAt;
    /** Why and when the subscription was disabled (null while it is not). */
    public String disabledReason;
    public Instant disabledAt;
    /** Start of the current run of failed webhook attempts; null after a success. */
    public Instant failingSince;
    public SubscriptionStatus status;
    /** none, hourly, daily or weekly (see {@code digest.DigestPeriod}). */
    public String digest;
    /** A daily or weekly digest's delivery time, its IANA time zone and (weekly) day; null for the UTC alignment. */
    public LocalTime digestAt;
    public String digestZone;
    public String digestDay;
    public Instant createdAt;
    public Instant updatedAt;

    public static List<Subscription> active() {
        return list("status", SubscriptionStatus.ACTIVE);
    }
}

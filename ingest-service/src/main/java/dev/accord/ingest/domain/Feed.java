package dev.accord.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An RSS/Atom feed ingest polls, with what its last polls found and when it is polled next. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    /** Polled on schedule; its last poll succeeded (or it was never polled yet). */
    public static final String ACTIVE = "active";
    /** Its last polls failed; polled again after a back-off. */
    public static final String FAILING = "failing";
    /** Failed too many polls in a row; no longer polled until registered again. */
    public static final String DISABLED = "disabled";

    @Id
    public UUID id;
    public String url;
    public String canonicalUrl;
    public String title;
    public String status;
    public Instant createdAt;
    public String etag;
    public String lastModified;
    public Instant lastPolledAt;
    public Instant lastSuccessAt;
    public Integer lastHttpStatus;
    public long pollIntervalSeconds;
    public Instant nextPollAt;
    public int errorCount;
    public String lastError;
    public Instant lastErrorAt;
    public int entriesSeen;
    public int entriesFailed;
    public Instant leasedUntil;
    public String leaseOwner;
}

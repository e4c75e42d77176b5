package dev.accord.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An entry of a feed seen by a poll, and what became of it. */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {

    /** Published as a new article. */
    public static final String INGESTED = "ingested";
    /** A copy of an article already published (same URL or text), acknowledged without publishing. */
    public static final String DUPLICATE = "duplicate";
    /** Could not be ingested; tried again on later polls until its attempts run out. */
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    public UUID feedId;
    public String entryKey;
    public String link;
    public String title;
    public String status;
    public UUID articleId;
    public String error;
    public int attempts;
    public Instant firstSeenAt;
    public Instant lastAttemptAt;
}

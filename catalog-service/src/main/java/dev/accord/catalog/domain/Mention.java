package dev.accord.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One article's report of a catalog entry, as that article gave it. Identified by the extracted
 * initiative it came from, so a redelivered extraction finds its mention and changes nothing.
 */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    @Id
    public UUID extractedId;
    public UUID initiativeId;
    public UUID articleId;
    /** The article's source; null until the article itself has been consumed. */
    public String source;
    public String title;
    public String evidence;
    public String stage;
    /** When ingest published the extraction: the time the merge window is measured on. */
    public Instant mentionedAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> organisations;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> partyKeys;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> titleTerms;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> terms;

    public static List<Mention> of(UUID initiativeId) {
        return list("initiativeId = ?1 order by mentionedAt, extractedId", initiativeId);
    }
}

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

/** A catalog entry: one initiative, however many articles report it. */
@Entity
@Table(name = "initiative")
public class Initiative extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String summary;
    public String evidence;
    public int evidenceStart;
    public int evidenceEnd;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> organisations;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics;
    public String stage;
    public double confidence;
    public String extractorVersion;
    public Instant firstSeenAt;
    public Instant updatedAt;
}

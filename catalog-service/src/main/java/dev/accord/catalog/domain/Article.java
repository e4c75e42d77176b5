package dev.accord.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An article as ingested; its id comes from ingest and is the natural key of the upsert. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    public String url;
    public String source;
    public String title;
    public Instant publishedAt;
    public Instant ingestedAt;
    public String language;
    @Column(name = "body")
    public String text;
    public String contentHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> organisations;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> people;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> initiativeIds;
    public Instant catalogedAt;
}

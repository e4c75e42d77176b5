package dev.accord.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An article already published, kept to recognise its copies. */
@Entity
@Table(name = "seen_article")
public class SeenArticle extends PanacheEntityBase {

    @Id
    public UUID articleId;
    public String canonicalUrl;
    public String contentHash;
    public long simhash;
    public int band0;
    public int band1;
    public int band2;
    public int band3;
    public Instant seenAt;
}

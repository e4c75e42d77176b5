package dev.accord.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One article's report of an initiative, with the evidence and stage that article gave. */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String evidence;
    public String stage;
    public Instant mentionedAt;

    /** Mentions are identified by initiative and article: an article reports an initiative once. */
    @Embeddable
    public record Key(UUID initiativeId, UUID articleId) implements Serializable {
    }

    public static List<Mention> of(UUID initiativeId) {
        return list("key.initiativeId = ?1 order by mentionedAt", initiativeId);
    }
}

package dev.accord.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of an entry's stage history: the stage it reached and the mention that moved it there. */
@Entity
@Table(name = "stage_history")
public class StageChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID initiativeId;
    public String stage;
    /** Null for the stage the entry was cataloged at. */
    public String previousStage;
    public UUID extractedId;
    public UUID articleId;
    public Instant changedAt;

    public static List<StageChange> of(UUID initiativeId) {
        return list("initiativeId = ?1 order by id", initiativeId);
    }
}

package dev.accord.alert.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import java.util.UUID;

/** The body every channel delivers (docs/architecture.md; {@code {type, subscriptionId, initiative | article, catalogUrl}}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(String type, UUID subscriptionId, CatalogInitiative initiative, CatalogArticle article,
        String catalogUrl) {

    public Notification(String type, UUID subscriptionId, CatalogInitiative initiative, String catalogUrl) {
        this(type, subscriptionId, initiative, null, catalogUrl);
    }

    public static Notification ofArticle(String type, UUID subscriptionId, CatalogArticle article) {
        return new Notification(type, subscriptionId, null, article, article.catalogUrl());
    }
}

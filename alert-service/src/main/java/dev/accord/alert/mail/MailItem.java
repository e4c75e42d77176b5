package dev.accord.alert.mail;

import dev.accord.common.events.CatalogInitiative;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** What a mail shows of one initiative. */
@TemplateData
public record MailItem(String title, String summary, String countries, String organisations, String stage,
        String evidence, String catalogUrl, String eventType) {

    static MailItem of(String eventType, CatalogInitiative initiative, String catalogUrl) {
        return new MailItem(initiative.title(), initiative.summary(), joined(initiative.parties().countries()),
                joined(initiative.parties().organisations()), initiative.stage(),
                initiative.evidence() == null ? null : initiative.evidence().sentence(), catalogUrl, eventType);
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}

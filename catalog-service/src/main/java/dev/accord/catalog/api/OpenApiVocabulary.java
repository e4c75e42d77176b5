package dev.accord.catalog.api;

import dev.accord.catalog.query.ListOrder;
import dev.accord.common.events.Vocabulary;
import dev.accord.common.web.OpenApiConventions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Fills the allowed values of the closed-set parameters into the OpenAPI document from the same
 * sources the validation uses (the event schema's taxonomy, the list orders and formats), so the
 * document cannot drift from what the API accepts; and applies every service's document conventions.
 */
public class OpenApiVocabulary extends OpenApiConventions {

    private static final Map<String, List<String>> ALLOWED = Map.of(
            "topic", Vocabulary.topics(),
            "stage", Vocabulary.stages(),
            "sort", ListOrder.allowed(),
            "format", ListFormat.parameters());

    @Override
    public Parameter filterParameter(Parameter parameter) {
        List<String> allowed = ALLOWED.get(parameter.getName());
        if (allowed != null && parameter.getIn() == Parameter.In.QUERY && parameter.getSchema() != null) {
            Schema schema = parameter.getSchema();
            Schema values = schema.getItems() != null ? schema.getItems() : schema;
            values.setEnumeration(new ArrayList<>(allowed));
        }
        return parameter;
    }
}

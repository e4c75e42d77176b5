package dev.accord.common.web;

import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * What every service's OpenAPI document states beyond its annotations: an operation that needs no credentials says
 * so ({@code security: []}) rather than saying nothing, and a path whose JAX-RS template is a fixed literal (a
 * regular expression that matches one string) is published as that literal. Services name it in
 * {@code mp.openapi.filter}; a service with such literal paths extends it and lists them.
 */
public class OpenApiConventions implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null) {
            return;
        }
        literalPaths().forEach((template, literal) -> {
            PathItem item = paths.getPathItem(template);
            if (item != null) {
                paths.removePathItem(template);
                paths.addPathItem(literal, item);
            }
        });
    }

    /** Templated paths, as SmallRye writes them, and the one literal each stands for. */
    protected Map<String, String> literalPaths() {
        return Map.of();
    }
}

package org.bashgah.partners.internal;

import java.util.List;
import java.util.Map;
import org.bashgah.core.testing.OpenApiFragmentContract;

/** The partners bundle's hand-written OpenAPI fragment is true to its resources and fits core's document. */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    @Override
    protected List<String> fragments() {
        return List.of("openapi/partners.json");
    }

    @Override
    protected Class<?> aResource() {
        return AgreementResource.class;
    }

    @Override
    protected String packageDirectory() {
        return "org/bashgah/partners";
    }

    @Override
    protected String componentPrefix() {
        return "Partners";
    }

    @Override
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.of();
    }

    @Override
    protected boolean everySchemaHasItsRecord() {
        return false;
    }
}

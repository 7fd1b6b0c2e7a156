package org.bashgah.offers.internal;

import java.util.List;
import java.util.Map;
import org.bashgah.core.testing.OpenApiFragmentContract;
import org.bashgah.offers.internal.offer.OfferResource;

/** The offers bundle's hand-written OpenAPI fragment is true to its resources and fits core's document. */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    @Override
    protected List<String> fragments() {
        return List.of("openapi/offers.json");
    }

    @Override
    protected Class<?> aResource() {
        return OfferResource.class;
    }

    @Override
    protected String packageDirectory() {
        return "org/bashgah/offers";
    }

    @Override
    protected String componentPrefix() {
        return "Offers";
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

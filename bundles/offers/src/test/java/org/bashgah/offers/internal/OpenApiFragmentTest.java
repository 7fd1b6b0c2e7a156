package org.bashgah.offers.internal;

import java.util.List;
import java.util.Map;
import org.bashgah.core.testing.OpenApiFragmentContract;
import org.bashgah.offers.internal.margin.Margins;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.OfferResource;
import org.bashgah.offers.internal.simulation.Replay;
import org.bashgah.offers.internal.targeting.Performance;
import org.bashgah.offers.internal.targeting.Targeting;

/** The offers bundle's hand-written OpenAPI fragment is true to its resources and fits core's document. */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    OpenApiFragmentTest() {
        super(List.of("openapi/offers.json"), OfferResource.class, "Offers");
    }

    @Override
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.of("OffersCondition", OfferDefinition.Condition.class,
            "OffersDefinition", OfferDefinition.class,
            "OffersMargins", Margins.Table.class,
            "OffersPerformance", Performance.Report.class,
            "OffersRun", Targeting.RunView.class,
            "OffersSimulation", Replay.Result.class);
    }
}

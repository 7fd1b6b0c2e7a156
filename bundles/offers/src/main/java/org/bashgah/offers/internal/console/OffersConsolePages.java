package org.bashgah.offers.internal.console;

import java.util.List;
import java.util.Set;
import org.bashgah.core.api.ConsolePages;
import org.osgi.service.component.annotations.Component;

/** The offers capability's console pages (offers, simulation, activation, targeting, performance): console/offers/. */
@Component
public class OffersConsolePages implements ConsolePages {
    @Override
    public String id() {
        return "offers";
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(new MenuItem("offers", "Offers", "پیشنهادها", Set.of("chain-admin")));
    }
}

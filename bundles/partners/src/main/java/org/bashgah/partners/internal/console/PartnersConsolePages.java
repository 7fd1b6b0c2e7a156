package org.bashgah.partners.internal.console;

import java.util.List;
import java.util.Set;
import org.bashgah.core.api.ConsolePages;
import org.osgi.service.component.annotations.Component;

/** The partners capability's console page (agreements, their approval, this month's statements): console/partners/. */
@Component
public class PartnersConsolePages implements ConsolePages {
    @Override
    public String id() {
        return "partners";
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(new MenuItem("agreements", "Partners", "همکاران", Set.of("chain-admin")));
    }
}

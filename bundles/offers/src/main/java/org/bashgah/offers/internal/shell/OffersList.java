package org.bashgah.offers.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.offers.internal.offer.OfferView;
import org.bashgah.offers.internal.offer.Offers;

@Command(scope = "bashgah", name = "offers-list", description = "Lists the offers of an organisation")
@Service
public class OffersList implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Offers offers;

    @Option(name = "--org", description = "organisation code (default: the first)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        System.out.printf("%-36s  %-8s  %-9s  %4s  %s%n", "ID", "STATUS", "KIND", "PRIO", "NAME");
        for (OfferView o : offers.list(org.id(), null)) {
            System.out.printf("%-36s  %-8s  %-9s  %4d  %s%n", o.id(), o.status(), o.definition().kind(),
                o.definition().priority(), o.definition().name());
        }
        return null;
    }
}

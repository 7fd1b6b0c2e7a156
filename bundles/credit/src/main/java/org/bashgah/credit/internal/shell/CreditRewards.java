package org.bashgah.credit.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.internal.reward.Rewards;

/** {@code bashgah:credit-rewards}: the catalogue of an organisation, with what is left in stock. */
@Command(scope = "bashgah", name = "credit-rewards", description = "Lists the rewards catalogue with its stock")
@Service
public class CreditRewards implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Rewards rewards;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        var catalogue = rewards.list(org.id());
        System.out.printf("Rewards of %s: %d%n", org.code(), catalogue.size());
        System.out.printf("%6s  %-30s %10s %10s  %-8s %s%n", "id", "name", "points", "stock", "active", "branches");
        for (Rewards.Reward r : catalogue) {
            System.out.printf("%6d  %-30s %10d %10s  %-8s %s%n", r.id(), r.name(), r.pointsCost(),
                r.stock() == null ? "unlimited" : r.stock(), r.active() ? "yes" : "no",
                r.branches().isEmpty() ? "all" : String.join(" ", r.branches()));
        }
        return null;
    }
}

package org.bashgah.offers.internal.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.offers.internal.simulation.Replay;
import org.bashgah.offers.internal.simulation.Simulations;

@Command(scope = "bashgah", name = "offers-simulate",
    description = "Replays the last days of history with an offer and prints what it would have cost")
@Service
public class OffersSimulate implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Simulations simulations;

    @Argument(index = 0, name = "offer", required = true, description = "the offer's id")
    private String offerId;

    @Option(name = "--days", description = "days of history to replay (default 90)")
    private int days = 90;

    @Option(name = "--org", description = "organisation code (default: the first)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        Instant to = Instant.now();
        Replay.Result r = simulations.simulate(org.id(), offerId, to.minus(days, ChronoUnit.DAYS), to);
        System.out.printf("%d purchases replayed, %d qualify (%d members)%n", r.purchasesReplayed(),
            r.qualifyingPurchases(), r.members());
        System.out.printf("rewarded sales %d, reward cost %d (%s%%), margin %d, margin after rewards %d%n", r.revenue(),
            r.rewardCost(), r.costPercentOfRevenue().toPlainString(), r.margin(), r.marginAfter());
        for (Replay.GroupLine g : r.byProductGroup()) {
            System.out.printf("  %-24s sales %12d  margin %12d  cost %12d  left %12d%s%n", g.productGroup(), g.revenue(),
                g.margin(), g.rewardCost(), g.marginAfter(), g.losesMoney() ? "  LOSES MONEY" : "");
        }
        r.warnings().forEach(w -> System.out.println("WARNING: " + w));
        return null;
    }
}

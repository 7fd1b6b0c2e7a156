package org.bashgah.credit.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.internal.tier.Tier;
import org.bashgah.credit.internal.tier.TierScheme;
import org.bashgah.credit.internal.tier.TierSchemes;

/** {@code bashgah:credit-tiers [--org CODE]}: the tier scheme in force, as GET /api/v1/credit/tiers shows it. */
@Command(scope = "bashgah", name = "credit-tiers", description = "Shows the tier scheme in force")
@Service
public class CreditTiers implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private TierSchemes schemes;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        TierScheme s = schemes.current(org.id());
        System.out.printf("Tiers of %s (version %s, by %s at %s)%n", org.code(),
            s.version() == null ? "default" : s.version(), s.changedBy(), s.changedAt());
        System.out.printf("  by %s over the last %d days%n",
            TierScheme.SPEND.equals(s.measure()) ? "spend" : "points earned", s.windowDays());
        for (Tier t : s.tiers()) {
            System.out.printf("  %-12s %-20s from %,d: +%s%% credit, %s%% off%n", t.code(), t.name(), t.threshold(),
                t.extraCreditPercent().toPlainString(), t.discountPercent().toPlainString());
        }
        return null;
    }
}

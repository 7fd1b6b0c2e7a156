package org.bashgah.partners.internal.shell;

import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.partners.internal.ChainAdminCaller;
import org.bashgah.partners.internal.Settlements;

/** {@code bashgah:partners-statement}: the settlement lines with one partner over a period, and the net. */
@Command(scope = "bashgah", name = "partners-statement",
    description = "Prints the statement with a partner: settlement lines of a period (UTC days) and the net")
@Service
public class PartnersStatement implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Settlements settlements;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Option(name = "--partner", description = "the partner organisation's code", required = true)
    private String partner;

    @Option(name = "--from", description = "first day, e.g. 2026-12-01 (default: the first of this month)")
    private String from;

    @Option(name = "--to", description = "last day (default: today)")
    private String to;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate f = from == null ? today.withDayOfMonth(1) : LocalDate.parse(from);
        LocalDate t = to == null ? today : LocalDate.parse(to);
        var s = settlements.statement(new ChainAdminCaller(org.id(), "shell"), partner, f, t);
        System.out.printf("Statement of %s with %s, %s to %s: %d lines%n", org.code(), partner, f, t, s.lines().size());
        for (Settlements.Line l : s.lines()) {
            System.out.printf("%8d  %s  %12d  %-16s %-20s %s%n", l.id(), l.at(), l.amount(), l.direction(), l.memberRef(),
                l.purchaseRef() == null ? "" : l.purchaseRef());
        }
        System.out.printf("owed to us %d, owed by us %d, net %d%n", s.owedToUs(), s.owedByUs(), s.net());
        return null;
    }
}

package org.bashgah.partners.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.partners.internal.AgreementEntity;
import org.bashgah.partners.internal.Agreements;

/** {@code bashgah:partners-agreements}: an organisation's partner agreements, their state and terms. */
@Command(scope = "bashgah", name = "partners-agreements", description = "Lists an organisation's partner agreements")
@Service
public class PartnersAgreements implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Agreements agreements;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        var all = agreements.list(org.id());
        System.out.printf("Partner agreements of %s: %d%n", org.code(), all.size());
        System.out.printf("%6s  %-24s %-16s %-9s %-8s %-12s %-12s %9s %9s %9s %9s%n", "id", "name", "partner", "status",
            "in force", "from", "to", "our cr%", "our disc%", "their cr%", "their d%");
        for (AgreementEntity a : all) {
            var ours = a.terms(org.id());
            var theirs = a.terms(a.other(org.id()));
            System.out.printf("%6d  %-24s %-16s %-9s %-8s %-12s %-12s %9s %9s %9s %9s%n", a.id, a.name,
                agreements.code(a.other(org.id())), a.status(), a.activeOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                    ? "yes" : "no", a.validFrom, a.validTo == null ? "-" : a.validTo,
                ours.creditPercent().stripTrailingZeros().toPlainString(),
                ours.discountPercent().stripTrailingZeros().toPlainString(),
                theirs.creditPercent().stripTrailingZeros().toPlainString(),
                theirs.discountPercent().stripTrailingZeros().toPlainString());
        }
        return null;
    }
}

package org.bashgah.credit.internal.shell;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.internal.expiry.ExpiryRuns;

@Command(scope = "bashgah", name = "credit-expire", description = "Expires the credit and points that are due now")
@Service
public class CreditExpire implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private ExpiryRuns runs;

    @Option(name = "--org", description = "organisation code (default: every organisation)")
    private String organisation;

    @Option(name = "--as-of", description = "expire what is due at this moment (ISO-8601 with offset); default now")
    private String asOf;

    @Override
    public Object execute() {
        Instant moment = asOf == null ? Instant.now() : OffsetDateTime.parse(asOf).toInstant();
        for (Organisation org : organisations.list()) {
            if (organisation != null && !organisation.equals(org.code())) continue;
            LedgerService.ExpiryRun run = runs.run(org.id(), moment, "shell");
            System.out.printf("%s: %d lots expired, %d in all%n", org.code(), run.lots(), run.amount());
        }
        return null;
    }
}

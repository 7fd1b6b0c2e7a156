package org.bashgah.offers.internal.shell;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.offers.internal.ChainAdminCaller;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.offers.internal.targeting.Targeting;

@Command(scope = "bashgah", name = "offers-target",
    description = "Runs a targeting run of an active one-time offer and prints its progress until it ends")
@Service
public class OffersTarget implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Targeting targeting;

    @Argument(index = 0, name = "offer", required = true, description = "the offer's id")
    private String offerId;

    @Option(name = "--control", description = "percent of the audience held out (default: the offer's own)")
    private String control;

    @Option(name = "--as-of", description = "the moment aimed at (ISO-8601 with offset); default now")
    private String asOf;

    @Option(name = "--org", description = "organisation code (default: the first)")
    private String organisation;

    @Override
    public Object execute() throws InterruptedException {
        Organisation org = organisations.byCodeOrFirst(organisation);
        Targeting.RunView run = targeting.start(new ChainAdminCaller(org.id(), "shell"), offerId,
            asOf == null ? null : OffsetDateTime.parse(asOf).toInstant(), control == null ? null : new BigDecimal(control));
        Instant next = Instant.now().plusSeconds(2);
        while (run.status().equals("RUNNING")) {
            Thread.sleep(200); // a person watches this; the run itself works in the background
            run = targeting.find(org.id(), run.id());
            if (Instant.now().isAfter(next)) {
                System.out.printf("%d members read, %d targeted, %d held out%n", run.scanned(), run.targeted(),
                    run.control());
                next = Instant.now().plus(Duration.ofSeconds(2));
            }
        }
        System.out.printf("run %s %s: %d members read, %d targeted, %d held out%s%n", run.id(), run.status(),
            run.scanned(), run.targeted(), run.control(), run.error() == null ? "" : " (" + run.error() + ")");
        return null;
    }
}

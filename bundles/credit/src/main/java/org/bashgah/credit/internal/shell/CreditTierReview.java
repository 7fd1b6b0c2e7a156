package org.bashgah.credit.internal.shell;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.internal.tier.TierReviewRuns;
import org.bashgah.credit.internal.tier.TierStandings;

/**
 * {@code bashgah:credit-tier-review [--org CODE] [--as-of ISO]}: the review the daily job runs, now or as of a
 * moment, in one organisation or all of them.
 */
@Command(scope = "bashgah", name = "credit-tier-review",
    description = "Reviews the tiers of members whose review date has passed (moves them down if they no longer qualify)")
@Service
public class CreditTierReview implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private TierReviewRuns reviews;

    @Option(name = "--org", description = "organisation code (default: every organisation)")
    private String organisation;

    @Option(name = "--as-of", description = "review as of this moment (ISO-8601 with offset); default now")
    private String asOf;

    @Override
    public Object execute() {
        Instant moment = asOf == null ? Instant.now() : OffsetDateTime.parse(asOf).toInstant();
        for (Organisation org : organisations.list()) {
            if (organisation != null && !organisation.equals(org.code())) continue;
            TierStandings.ReviewRun run = reviews.run(org.id(), moment);
            System.out.printf("%s: %d members reviewed, %d moved down%n", org.code(), run.reviewed(), run.movedDown());
        }
        return null;
    }
}

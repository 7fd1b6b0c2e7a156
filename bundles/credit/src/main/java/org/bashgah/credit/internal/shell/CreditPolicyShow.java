package org.bashgah.credit.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.api.CreditPolicies;
import org.bashgah.credit.api.CreditPolicy;

@Command(scope = "bashgah", name = "credit-policy", description = "Shows the earning policy in force")
@Service
public class CreditPolicyShow implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private CreditPolicies policies;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Option(name = "--branch", description = "the branch (default: the chain's policy)")
    private String branch;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        CreditPolicy p = policies.effective(org.id(), branch);
        System.out.printf("Policy of %s%s (version %s, by %s at %s)%n", org.code(), branch == null ? "" : " at " + branch,
            p.version() == null ? "default" : p.version(), p.changedBy(), p.changedAt());
        System.out.printf("  credit %s%% to %s%s%n", p.creditPercent().toPlainString(), p.creditTo(),
            CreditPolicy.SPLIT.equals(p.creditTo()) ? " (" + p.sharedPercentOfCredit().toPlainString() + "% shared)" : "");
        System.out.printf("  1 point per %d paid; a point is worth %d%n", p.amountPerPoint(), p.pointValue());
        System.out.printf("  credit expires after %s days, points after %s days%n", p.creditExpiryDays(), p.pointsExpiryDays());
        System.out.printf("  credit and points pay at most %s%% of an invoice%n", p.maxRedeemPercent().toPlainString());
        System.out.printf("  points: signup %d, referral %d, review %d, social %d, survey %d%n", p.signupPoints(),
            p.referralPoints(), p.reviewPoints(), p.socialPoints(), p.surveyPoints());
        return null;
    }
}

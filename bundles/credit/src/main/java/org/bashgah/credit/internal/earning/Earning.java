package org.bashgah.credit.internal.earning;

import java.util.List;
import org.bashgah.core.api.PointsValuation;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.PurchaseContributor;
import org.bashgah.core.api.RedemptionPolicy;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.credit.internal.policy.Policies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Credit's part in the purchase pipeline: what a purchase earns ({@link PurchaseContributor}), what a
 * point pays ({@link PointsValuation}) and how much of an invoice balances may pay
 * ({@link RedemptionPolicy}), all under the policy in force at the purchase's branch. Installing
 * bashgah-credit registers these three; uninstalling it takes them away and purchases earn nothing.
 */
@Component(service = {PurchaseContributor.class, PointsValuation.class, RedemptionPolicy.class})
public class Earning implements PurchaseContributor, PointsValuation, RedemptionPolicy {
    private final Policies policies;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile TierBenefits tiers;

    @Activate
    public Earning(@Reference Policies policies) {
        this.policies = policies;
    }

    @Override
    public String name() {
        return "credit";
    }

    @Override
    public List<Proposal> contribute(PurchaseContext purchase) {
        String org = purchase.organisation().id();
        CreditPolicy policy = policies.effective(org, purchase.branch());
        TierBenefits benefits = tiers;
        TierBenefits.Benefit benefit = benefits == null ? TierBenefits.Benefit.NONE
            : benefits.benefitOf(org, purchase.member().tier());
        long pointsValue = valueOf(purchase.redemption().points(), policy.pointValue());
        return EarningRules.proposals(policy, benefit, purchase, pointsValue);
    }

    @Override
    public long valueOf(String organisationId, String branch, long points) {
        return valueOf(points, policies.effective(organisationId, branch).pointValue());
    }

    /** Saturates instead of overflowing: an absurd redemption is then simply more than is due (422). */
    private static long valueOf(long points, long pointValue) {
        try {
            return Math.multiplyExact(points, pointValue);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public long maxRedeemable(PurchaseContext purchase, long due) {
        return EarningRules.maxRedeemable(policies.effective(purchase.organisation().id(), purchase.branch()), due);
    }
}

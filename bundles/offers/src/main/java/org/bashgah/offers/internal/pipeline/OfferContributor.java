package org.bashgah.offers.internal.pipeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.PointsValuation;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.Proposal.Claim;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.PurchaseContributor;
import org.bashgah.credit.api.CreditPolicies;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.offers.internal.offer.ActiveOffers;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.Offers;
import org.bashgah.offers.internal.rules.Audience;
import org.bashgah.offers.internal.rules.OfferRules;
import org.bashgah.offers.internal.rules.OfferRules.Candidate;
import org.bashgah.offers.internal.rules.OfferRules.Gift;
import org.bashgah.offers.internal.targeting.GrantEntity;
import org.bashgah.offers.internal.targeting.Grants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The offers' part in the purchase pipeline. Looks only at the active offers of the purchase's branch (from
 * memory), and at the member's own grants when one-time offers are active; so its cost grows with neither the
 * number of members nor the offers that cannot apply here. Every applied offer's proposals carry its claims:
 * the offer's use (for measuring), its per-member limit, its budget and, for a one-time offer, the grant.
 */
@Component(service = PurchaseContributor.class, property = "service.ranking:Integer=-10")
public class OfferContributor implements PurchaseContributor {
    private final Offers offers;
    private final Grants grants;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile PointsValuation pointsValuation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditPolicies policies;

    @Activate
    public OfferContributor(@Reference Offers offers, @Reference Grants grants) {
        this.offers = offers;
        this.grants = grants;
    }

    /** The claim every use of an offer counts against: what it cost, for its performance. */
    public static String useKey(String offerId) {
        return "offers.offer:" + offerId;
    }

    @Override
    public String name() {
        return "offers";
    }

    private record Applied(ActiveOffers.Active offer, GrantEntity grant, Gift gift) {
    }

    @Override
    public List<Proposal> contribute(PurchaseContext purchase) {
        String org = purchase.organisation().id();
        ActiveOffers active = offers.active(org);
        List<ActiveOffers.Active> here = active.at(purchase.branch());
        if (here.isEmpty()) return List.of();
        Instant at = purchase.at().toInstant();
        Map<String, GrantEntity> spendable = active.anyOneTime()
            ? grants.spendable(org, purchase.member().id(), at) : Map.of();
        long paidFromBalances = paidFromBalances(purchase);
        Audience.SegmentMembers segments = offers.segments(org);

        List<Candidate<Applied>> candidates = new ArrayList<>();
        for (ActiveOffers.Active offer : here) {
            OfferDefinition d = offer.definition();
            if (!OfferRules.inForce(d, purchase.branch(), purchase.at(), false)) continue;
            GrantEntity grant = null;
            if (d.oneTime()) {
                grant = spendable.get(offer.id());
                if (grant == null) continue;
            } else if (!Audience.matches(d.audience(), purchase.member(), purchase.stats(), purchase.at(), segments)) {
                continue;
            }
            long basis = OfferRules.basis(d, purchase.amount(), purchase.lines());
            Gift gift = OfferRules.gift(d.reward(), basis, purchase.amount(), paidFromBalances);
            if (gift.none()) continue;
            candidates.add(new Candidate<>(new Applied(offer, grant, gift), d.priority(), d.stackable()));
        }
        if (candidates.isEmpty()) return List.of();

        CreditPolicies credit = policies;
        CreditPolicy policy = credit == null ? null : credit.effective(org, purchase.branch());
        List<Proposal> proposals = new ArrayList<>();
        for (Applied a : OfferRules.choose(candidates)) proposals.addAll(proposals(a, purchase, policy));
        return proposals;
    }

    private List<Proposal> proposals(Applied a, PurchaseContext purchase, CreditPolicy policy) {
        OfferDefinition d = a.offer().definition();
        String id = a.offer().id();
        long pointValue = policy == null ? 0 : policy.pointValue();
        long cost = a.gift().cost(pointValue);
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim(useKey(id), cost, Claim.UNLIMITED));
        if (d.limits().perMember() != null) {
            claims.add(new Claim("offers.member:" + id + ":" + purchase.member().id(), 1, d.limits().perMember()));
        }
        if (d.limits().budget() != null) claims.add(new Claim("offers.budget:" + id, cost, d.limits().budget()));
        if (a.grant() != null) claims.add(new Claim(Grants.claimKey(a.grant().id), 1, 1));

        Instant at = purchase.at().toInstant();
        List<Proposal> out = new ArrayList<>();
        if (a.gift().discount() > 0) {
            out.add(new Proposal(Proposal.Kind.DISCOUNT, null, a.gift().discount(), id, d.name(), null, null, claims));
        }
        if (a.gift().credit() > 0) {
            Account account = "BRANCH".equals(d.reward().creditTo()) ? Account.branchCredit(purchase.branch())
                : Account.sharedCredit();
            out.add(new Proposal(Proposal.Kind.BONUS, account, a.gift().credit(), id, d.name(), d.name(),
                expiry(at, policy == null ? null : policy.creditExpiryDays()), claims));
        }
        if (a.gift().points() > 0) {
            out.add(new Proposal(Proposal.Kind.BONUS, Account.points(), a.gift().points(), id, d.name(), d.name(),
                expiry(at, policy == null ? null : policy.pointsExpiryDays()), claims));
        }
        return out;
    }

    /** Offer credit and points expire as the policy's earned credit and points do. */
    private static Instant expiry(Instant at, Integer days) {
        return days == null || days == 0 ? null : at.plus(days, ChronoUnit.DAYS);
    }

    private long paidFromBalances(PurchaseContext purchase) {
        var r = purchase.redemption();
        long points = 0;
        PointsValuation valuation = pointsValuation;
        if (r.points() > 0 && valuation != null) {
            points = valuation.valueOf(purchase.organisation().id(), purchase.branch(), r.points());
        }
        long sum = r.sharedCredit() + r.branchCredit();
        return points > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + points;
    }
}

package org.bashgah.offers.internal.targeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bashgah.core.api.PurchaseClaims;
import org.bashgah.core.api.PurchaseHistory;
import org.bashgah.offers.internal.offer.OfferView;
import org.bashgah.offers.internal.offer.Offers;
import org.bashgah.offers.internal.pipeline.OfferContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * How an offer did: how many purchases and members it rewarded and what that cost (from the claims core kept in
 * each purchase's transaction); for a one-time offer also its uptake, and what the targeted members spent while
 * their grants ran against what the members held out spent in the same windows.
 */
@Component(service = Performance.class)
public class Performance {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Offers offers;
    private final Grants grants;
    private final PurchaseClaims claims;
    private final PurchaseHistory history;

    @Activate
    public Performance(@Reference Offers offers, @Reference Grants grants, @Reference PurchaseClaims claims,
                       @Reference PurchaseHistory history) {
        this.offers = offers;
        this.grants = grants;
        this.claims = claims;
        this.history = history;
    }

    /** One side of the comparison: the targeted members, or those held out. */
    public record Group(long members, long buyers, long purchases, long spend, long spendPerMember,
                        BigDecimal buyingPercent) {
    }

    /**
     * @param spendLiftPercent how much more (or less, negative) a targeted member spent than a held-out one, or null
     *                         without a control group
     */
    public record OneTime(long granted, long heldOut, long spent, BigDecimal uptakePercent, Instant from, Instant to,
                          Group targeted, Group control, BigDecimal spendLiftPercent) {
    }

    public record Report(String offerId, String kind, String status, long purchases, long members, long cost,
                         OneTime oneTime) {
    }

    public Report of(String org, String offerId, Instant now) {
        OfferView offer = offers.find(org, offerId);
        PurchaseClaims.Totals used = claims.totals(org, OfferContributor.useKey(offerId));
        OneTime oneTime = offer.definition().oneTime() ? oneTime(org, offerId, now) : null;
        return new Report(offerId, offer.definition().kind(), offer.status(), used.purchases(), used.members(),
            used.units(), oneTime);
    }

    private OneTime oneTime(String org, String offerId, Instant now) {
        List<GrantEntity> all = grants.ofOffer(offerId).stream().filter(g -> g.organisationId.equals(org)).toList();
        if (all.isEmpty()) return new OneTime(0, 0, 0, BigDecimal.ZERO, null, null, group(0, Map.of()),
            group(0, Map.of()), null);
        Map<String, GrantEntity> byMember = new HashMap<>();
        for (GrantEntity g : all) byMember.put(g.memberId, g); // the latest grant of each member
        Set<String> spentBy = new HashSet<>();
        claims.uses(org, OfferContributor.useKey(offerId)).forEach(u -> spentBy.add(u.memberId()));
        long granted = byMember.values().stream().filter(g -> !g.control).count();
        long heldOut = byMember.size() - granted;
        long spent = byMember.values().stream().filter(g -> !g.control && spentBy.contains(g.memberId)).count();

        Instant from = all.stream().map(g -> g.grantedAt).min(Instant::compareTo).orElseThrow();
        Instant last = all.stream().map(g -> g.deadline).max(Instant::compareTo).orElseThrow();
        Instant to = last.isAfter(now) ? now : last;
        Map<Boolean, Map<String, long[]>> spend = Map.of(true, new HashMap<>(), false, new HashMap<>());
        if (to.isAfter(from)) {
            history.forEach(org, from, to, p -> {
                GrantEntity g = byMember.get(p.memberId());
                if (g == null || p.at().isBefore(g.grantedAt) || !p.at().isBefore(g.deadline)) return;
                long[] s = spend.get(g.control).computeIfAbsent(p.memberId(), k -> new long[2]);
                s[0]++;
                s[1] += p.amount() - p.refunded();
            });
        }
        Group targeted = group(granted, spend.get(false));
        Group control = group(heldOut, spend.get(true));
        BigDecimal lift = heldOut == 0 || control.spendPerMember() == 0 ? null
            : BigDecimal.valueOf(targeted.spendPerMember() - control.spendPerMember()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(control.spendPerMember()), 2, RoundingMode.HALF_UP);
        return new OneTime(granted, heldOut, spent, percent(spent, granted), from, to, targeted, control, lift);
    }

    private static Group group(long members, Map<String, long[]> spend) {
        long purchases = spend.values().stream().mapToLong(s -> s[0]).sum();
        long total = spend.values().stream().mapToLong(s -> s[1]).sum();
        return new Group(members, spend.size(), purchases, total, members == 0 ? 0 : total / members,
            percent(spend.size(), members));
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}

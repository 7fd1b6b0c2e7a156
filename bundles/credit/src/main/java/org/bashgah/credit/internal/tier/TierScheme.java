package org.bashgah.credit.internal.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bashgah.credit.internal.earning.TierBenefits;

/**
 * An organisation's tiers, lowest first (the first has threshold 0), and how standing is measured: by
 * {@code POINTS} earned or by {@code SPEND} over the last {@code windowDays} days. {@code version} is null
 * for the default scheme, which has BRONZE only, so nobody moves until a chain defines its tiers.
 */
public record TierScheme(Long version, String measure, int windowDays, List<Tier> tiers, Instant changedAt,
                         String changedBy) {
    public static final String POINTS = "POINTS";
    public static final String SPEND = "SPEND";

    /** What a chain has before it sets its own tiers. */
    public static final TierScheme DEFAULT = new TierScheme(null, POINTS, 365,
        List.of(new Tier("BRONZE", "Bronze", 0, BigDecimal.ZERO, BigDecimal.ZERO)), null, "default");

    public TierScheme {
        tiers = List.copyOf(tiers);
    }

    /** The highest tier whose threshold {@code windowSum} reaches (at least the lowest). */
    public Tier tierFor(long windowSum) {
        Tier reached = tiers.get(0);
        for (Tier t : tiers) {
            if (windowSum >= t.threshold()) reached = t;
        }
        return reached;
    }

    /** 0 for the lowest tier, 1 for the next ...; -1 for null or a code not in this scheme. */
    public int rankOf(String code) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(code)) return i;
        }
        return -1;
    }

    public Optional<Tier> find(String code) {
        int rank = rankOf(code);
        return rank < 0 ? Optional.empty() : Optional.of(tiers.get(rank));
    }

    /** The tier right above {@code code} (the lowest for an unknown code), or empty at the top. */
    public Optional<Tier> above(String code) {
        int next = rankOf(code) + 1;
        return next < tiers.size() ? Optional.of(tiers.get(next)) : Optional.empty();
    }

    /** What holding {@code code} adds to a purchase; nothing for a code not in this scheme. */
    public TierBenefits.Benefit benefitOf(String code) {
        return find(code).map(t -> new TierBenefits.Benefit(t.extraCreditPercent(), t.discountPercent()))
            .orElse(TierBenefits.Benefit.NONE);
    }

    public List<String> codes() {
        return tiers.stream().map(Tier::code).toList();
    }
}

package org.bashgah.credit.internal.earning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.credit.api.CreditPolicy;

/**
 * What a purchase earns under a policy, as plain arithmetic (unit-tested without OSGi):
 * <ul>
 * <li>the <b>basis</b> is what the member pays: the invoice less the tier's discount and the credit and
 * points it redeems (discounts of other contributors, e.g. offers, are not known here);</li>
 * <li><b>credit</b> = basis × creditPercent / 100, to shared credit, to the branch's credit, or split;</li>
 * <li>a tier's extra credit = basis × extraCreditPercent / 100, a separate bonus to the same place;</li>
 * <li><b>points</b> = basis / amountPerPoint;</li>
 * <li>a tier's discount = invoice × discountPercent / 100.</li>
 * </ul>
 * Every amount is rounded down. Example (a shoe shop, 10% shared credit): 200,000 paid earns 20,000.
 */
public final class EarningRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EarningRules() {
    }

    /** {@code floor(amount × percent / 100)}. */
    public static long percentOf(long amount, BigDecimal percent) {
        if (amount <= 0 || percent == null || percent.signum() <= 0) return 0;
        return BigDecimal.valueOf(amount).multiply(percent).divide(HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** What the member pays for the purchase, in money: the basis of credit and points. */
    public static long basis(PurchaseContext purchase, long pointsValue) {
        long paid = purchase.amount() - purchase.redemption().sharedCredit() - purchase.redemption().branchCredit()
            - pointsValue;
        return Math.max(0, paid);
    }

    public static List<Proposal> proposals(CreditPolicy policy, TierBenefits.Benefit benefit, PurchaseContext purchase,
                                           long pointsValue) {
        String tier = purchase.member().tier();
        long discount = percentOf(purchase.amount(), benefit.discountPercent());
        long basis = Math.max(0, basis(purchase, pointsValue) - discount);
        String source = "credit-policy:" + (policy.version() == null ? "default" : "v" + policy.version());
        Instant creditExpiry = expiry(purchase, policy.creditExpiryDays());
        List<Proposal> out = new ArrayList<>();
        credit(out, policy, purchase.branch(), percentOf(basis, policy.creditPercent()), creditExpiry,
            (account, amount) -> Proposal.earn(account, amount, source, creditExpiry));

        long extra = percentOf(basis, benefit.extraCreditPercent());
        credit(out, policy, purchase.branch(), extra, creditExpiry, (account, amount) -> new Proposal(
            Proposal.Kind.BONUS, account, amount, "tier:" + tier, tier + " benefit",
            benefit.extraCreditPercent().stripTrailingZeros().toPlainString() + "% more credit", creditExpiry));

        if (policy.amountPerPoint() > 0) {
            long points = basis / policy.amountPerPoint();
            if (points > 0) {
                out.add(Proposal.earn(Account.points(), points, source, expiry(purchase, policy.pointsExpiryDays())));
            }
        }
        if (discount > 0) out.add(Proposal.discount(discount, "tier:" + tier, tier + " benefit"));
        return out;
    }

    /** The largest part of {@code due} that credit and points may pay under the policy. */
    public static long maxRedeemable(CreditPolicy policy, long due) {
        if (policy.maxRedeemPercent() == null) return due;
        return Math.min(due, percentOf(due, policy.maxRedeemPercent()));
    }

    private interface Make {
        Proposal make(Account account, long amount);
    }

    private static void credit(List<Proposal> out, CreditPolicy policy, String branch, long credit, Instant expiry,
                               Make make) {
        if (credit <= 0) return;
        switch (policy.creditTo()) {
            case CreditPolicy.BRANCH -> out.add(make.make(Account.branchCredit(branch), credit));
            case CreditPolicy.SPLIT -> {
                long shared = percentOf(credit, policy.sharedPercentOfCredit());
                if (shared > 0) out.add(make.make(Account.sharedCredit(), shared));
                if (credit - shared > 0) out.add(make.make(Account.branchCredit(branch), credit - shared));
            }
            default -> out.add(make.make(Account.sharedCredit(), credit));
        }
    }

    private static Instant expiry(PurchaseContext purchase, Integer days) {
        return days == null || days <= 0 ? null : purchase.at().plusDays(days).toInstant();
    }
}

package org.bashgah.offers.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.OfferDefinition.Reward;

/**
 * The arithmetic of offers, free of OSGi and the database: when an offer applies to a purchase, what it gives,
 * and which of several applicable offers a purchase gets.
 */
public final class OfferRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OfferRules() {
    }

    /**
     * Whether the offer is in force at this branch and moment: its branches, its dates (inclusive, in the
     * organisation's time zone), weekdays and hours. {@code ignoreDates} for a simulation over the past.
     */
    public static boolean inForce(OfferDefinition offer, String branch, ZonedDateTime at, boolean ignoreDates) {
        if (!offer.branches().isEmpty() && !offer.branches().contains(branch)) return false;
        LocalDate day = at.toLocalDate();
        if (!ignoreDates) {
            if (offer.activeFrom() != null && day.isBefore(offer.activeFrom())) return false;
            if (offer.activeTo() != null && day.isAfter(offer.activeTo())) return false;
        }
        if (!offer.weekdays().isEmpty() && !offer.weekdays().contains(at.getDayOfWeek())) return false;
        return withinHours(offer.hoursFrom(), offer.hoursTo(), at.toLocalTime());
    }

    static boolean withinHours(LocalTime from, LocalTime to, LocalTime time) {
        if (from == null && to == null) return true;
        LocalTime start = from == null ? LocalTime.MIN : from;
        if (to == null) return !time.isBefore(start);
        if (!to.isBefore(start)) return !time.isBefore(start) && time.isBefore(to);
        return !time.isBefore(start) || time.isBefore(to); // the window runs past midnight
    }

    /**
     * What the offer's reward is figured on for this purchase: the amount, or the lines in the trigger's
     * product groups; 0 when the trigger rules the purchase out.
     */
    public static long basis(OfferDefinition offer, long amount, List<PurchaseLine> lines) {
        var trigger = offer.trigger();
        if (trigger.amountOver() != null && amount <= trigger.amountOver()) return 0;
        if (trigger.productGroups().isEmpty()) return amount;
        long sum = 0;
        for (PurchaseLine line : lines) {
            if (trigger.productGroups().contains(line.productGroup())) sum += line.amount();
        }
        return Math.min(sum, amount);
    }

    /** What one offer gives one purchase, in money and points. */
    public record Gift(long discount, long credit, long points) {
        public static final Gift NONE = new Gift(0, 0, 0);

        public boolean none() {
            return discount == 0 && credit == 0 && points == 0;
        }

        /** What it costs the chain, points valued at {@code pointValue} each (saturating). */
        public long cost(long pointValue) {
            long pointsCost;
            try {
                pointsCost = Math.multiplyExact(points, pointValue);
            } catch (ArithmeticException e) {
                pointsCost = Long.MAX_VALUE;
            }
            long sum = discount + credit;
            return sum > Long.MAX_VALUE - pointsCost ? Long.MAX_VALUE : sum + pointsCost;
        }
    }

    /**
     * The reward on {@code basis} of a purchase of {@code amount} of which {@code paidFromBalances} was paid
     * with credit and points. The discount is {@code discountPercent} of the basis; the extra credit is
     * {@code extraCreditPercent} of the basis less that discount and less the basis's share of what balances
     * paid (credit is earned on money, not on credit); fixed credit and bonus points are added as they are.
     * Everything rounds down.
     */
    public static Gift gift(Reward reward, long basis, long amount, long paidFromBalances) {
        if (basis <= 0 || reward == null) return Gift.NONE;
        long discount = percentOf(basis, reward.discountPercent());
        long creditBasis = basis - discount;
        if (paidFromBalances > 0 && amount > 0) {
            long balanceShare = BigDecimal.valueOf(paidFromBalances).multiply(BigDecimal.valueOf(basis))
                .divide(BigDecimal.valueOf(amount), 0, RoundingMode.UP).longValueExact();
            creditBasis = Math.max(0, creditBasis - balanceShare);
        }
        long credit = percentOf(creditBasis, reward.extraCreditPercent())
            + (reward.fixedCredit() == null ? 0 : reward.fixedCredit());
        long points = reward.bonusPoints() == null ? 0 : reward.bonusPoints();
        return new Gift(discount, credit, points);
    }

    static long percentOf(long amount, BigDecimal percent) {
        if (percent == null || percent.signum() == 0) return 0;
        return BigDecimal.valueOf(amount).multiply(percent).divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
    }

    /** An offer that applies to a purchase, with its priority and whether it stacks. */
    public record Candidate<T>(T offer, int priority, boolean stackable) {
    }

    /**
     * Which of the applicable offers the purchase gets: by priority, highest first; an offer that does not
     * stack applies only if nothing was applied before it, and then alone; stacking offers combine.
     */
    public static <T> List<T> choose(List<Candidate<T>> applicable) {
        List<Candidate<T>> ranked = new ArrayList<>(applicable);
        ranked.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        List<T> chosen = new ArrayList<>();
        for (Candidate<T> c : ranked) {
            if (!c.stackable()) {
                if (chosen.isEmpty()) return List.of(c.offer());
                continue;
            }
            chosen.add(c.offer());
        }
        return chosen;
    }
}

package org.bashgah.credit.internal.earning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.Redemption;
import org.bashgah.core.api.Validation;
import org.bashgah.credit.api.CreditPolicy;

/**
 * The earning and redemption rules hold for any purchase and any valid policy: invoices of 1 to 10^12,
 * percentages from 0 to 100 with up to 4 decimals (what PUT /api/v1/credit/policy accepts), and
 * redemptions within the invoice. The expected numbers are computed here independently, in whole
 * numbers ({@link BigInteger}), as floor(amount × unscaled percent / (100 × 10^scale)).
 */
class EarningRulesPropertiesTest {
    private static final long LARGEST_INVOICE = 1_000_000_000_000L;
    private static final String TEHRAN = "tehran-1";
    private static final String TIER = "SILVER";

    /** An invoice and what the member pays of it from balances; points are worth {@code pointValue} each. */
    record Sale(long amount, Redemption redemption, long pointValue) {
        long pointsValue() {
            return redemption.points() * pointValue;
        }

        /** What the member pays in money without a tier discount: the basis of credit and points. */
        long paid() {
            return amount - redemption.sharedCredit() - redemption.branchCredit() - pointsValue();
        }

        /** What the member pays when the tier's discount comes off the invoice too. */
        long paid(TierBenefits.Benefit benefit) {
            return Math.max(0, paid() - floorPercent(amount, benefit.discountPercent()));
        }

        PurchaseContext context() {
            Organisation shop = new Organisation("org-1", "kafsh", "Kafsh shoes", "IRR", "Asia/Tehran", "persian");
            Member member = new Member("member-1", "+989121234567", "Sara", null, TIER,
                Instant.parse("2025-06-01T08:00:00Z"), TEHRAN, null, true);
            MemberStats stats = new MemberStats(3, 450_000, 150_000, null, null, Map.of(), Map.of());
            ZonedDateTime at = ZonedDateTime.of(2026, 1, 10, 10, 0, 0, 0, ZoneId.of("Asia/Tehran"));
            return new PurchaseContext(shop, "purchase-1", TEHRAN, member, stats, at, amount, List.of(), redemption);
        }

        List<Proposal> earn(CreditPolicy policy, TierBenefits.Benefit benefit) {
            return EarningRules.proposals(policy, benefit, context(), pointsValue());
        }
    }

    @Property
    void everyProposalIsPositiveAndOneCoreAccepts(@ForAll("sales") Sale sale, @ForAll("policies") CreditPolicy policy,
                                                @ForAll("benefits") TierBenefits.Benefit benefit) {
        for (Proposal p : sale.earn(policy, benefit)) {
            assertTrue(p.amount() > 0 && p.amount() <= Validation.MAX_AMOUNT, "amount of " + p);
            assertTrue(p.source() != null && !p.source().isBlank() && p.source().length() <= 100, "source of " + p);
            if (p.kind() == Proposal.Kind.DISCOUNT) {
                assertNull(p.account(), "a discount has no account: " + p);
            } else {
                assertNotNull(p.account(), "account of " + p);
                if (p.account().isBranchCredit()) assertEquals(TEHRAN, p.account().qualifier(), "branch of " + p);
            }
        }
    }

    @Property
    void creditEarnedIsThePaidAmountTimesThePercentRoundedDown(@ForAll("sales") Sale sale,
                                                               @ForAll("policies") CreditPolicy policy) {
        List<Proposal> earned = sale.earn(policy, TierBenefits.Benefit.NONE);

        assertEquals(floorPercent(sale.paid(), policy.creditPercent()), credit(earned, Proposal.Kind.EARN));
        assertEquals(0, credit(earned, Proposal.Kind.BONUS));
    }

    @Property
    void theTierBonusIsThePaidAmountTimesTheExtraPercentRoundedDown(@ForAll("sales") Sale sale,
                                                                    @ForAll("policies") CreditPolicy policy,
                                                                    @ForAll("benefits") TierBenefits.Benefit benefit) {
        List<Proposal> earned = sale.earn(policy, benefit);

        assertEquals(floorPercent(sale.paid(benefit), policy.creditPercent()), credit(earned, Proposal.Kind.EARN));
        assertEquals(floorPercent(sale.paid(benefit), benefit.extraCreditPercent()),
            credit(earned, Proposal.Kind.BONUS));
        earned.stream().filter(p -> p.kind() == Proposal.Kind.BONUS)
            .forEach(p -> assertEquals("tier:" + TIER, p.source(), "source of " + p));
    }

    @Property
    void splitPartsAddUpExactlyToTheWholeCredit(@ForAll("sales") Sale sale, @ForAll("policies") CreditPolicy policy,
                                                @ForAll("benefits") TierBenefits.Benefit benefit) {
        List<Proposal> earned = sale.earn(policy, benefit);

        for (Proposal.Kind kind : List.of(Proposal.Kind.EARN, Proposal.Kind.BONUS)) {
            long whole = credit(earned, kind);
            long shared = sum(earned, kind, Account.sharedCredit());
            long branch = sum(earned, kind, Account.branchCredit(TEHRAN));
            assertEquals(whole, shared + branch, kind + ": shared and branch credit are the whole credit");
            switch (policy.creditTo()) {
                case CreditPolicy.SHARED -> assertEquals(0, branch, kind + ": no branch credit under SHARED");
                case CreditPolicy.BRANCH -> assertEquals(0, shared, kind + ": no shared credit under BRANCH");
                default -> assertEquals(floorPercent(whole, policy.sharedPercentOfCredit()), shared,
                    kind + ": the shared part of a split is rounded down, the branch gets the rest");
            }
        }
    }

    @Property
    void pointsAreThePaidAmountDividedByTheAmountPerPoint(@ForAll("sales") Sale sale,
                                                          @ForAll("policies") CreditPolicy policy) {
        List<Proposal> points = sale.earn(policy, TierBenefits.Benefit.NONE).stream()
            .filter(p -> p.account() != null && p.account().isPoints()).toList();

        long expected = policy.amountPerPoint() == 0 ? 0 : sale.paid() / policy.amountPerPoint();
        assertEquals(expected, points.stream().mapToLong(Proposal::amount).sum());
        assertTrue(points.size() <= 1, "one points entry at most: " + points);
    }

    @Property
    void theTierDiscountIsTheInvoiceTimesTheDiscountPercentRoundedDown(@ForAll("sales") Sale sale,
                                                                       @ForAll("policies") CreditPolicy policy,
                                                                       @ForAll("benefits") TierBenefits.Benefit benefit) {
        long discount = sale.earn(policy, benefit).stream().filter(p -> p.kind() == Proposal.Kind.DISCOUNT)
            .mapToLong(Proposal::amount).sum();

        assertEquals(floorPercent(sale.amount(), benefit.discountPercent()), discount);
        assertTrue(discount <= sale.amount());
    }

    @Property
    void balancesMayPayNeitherMoreThanIsDueNorMoreThanThePercentOfIt(
            @ForAll @LongRange(min = 0, max = LARGEST_INVOICE) long due, @ForAll("percents") BigDecimal percent,
            @ForAll("policies") CreditPolicy policy) {
        CreditPolicy capped = withMaxRedeemPercent(policy, percent);

        long max = EarningRules.maxRedeemable(capped, due);

        assertEquals(floorPercent(due, percent), max);
        assertTrue(max >= 0 && max <= due, max + " of " + due);
        assertEquals(due, EarningRules.maxRedeemable(withMaxRedeemPercent(policy, null), due), "no limit");
    }

    @Property
    void aRedemptionOfMoreThanTheInvoiceEarnsNothing(@ForAll @LongRange(min = 1, max = LARGEST_INVOICE) long amount,
                                                     @ForAll @LongRange(min = 1, max = LARGEST_INVOICE) long over,
                                                     @ForAll("policies") CreditPolicy policy) {
        // core refuses such a purchase, but asks the contributors first: they must not break on it
        Sale overpaid = new Sale(amount, new Redemption(amount, over, 0), 0);

        assertEquals(0, EarningRules.basis(overpaid.context(), 0));
        assertEquals(List.of(), overpaid.earn(policy, TierBenefits.Benefit.NONE));
    }

    @Property
    void theLargestAmountsNeitherOverflowNorGoNegative(
            @ForAll @LongRange(min = 1, max = Validation.MAX_AMOUNT) long amount,
            @ForAll("policies") CreditPolicy policy, @ForAll("benefits") TierBenefits.Benefit benefit) {
        CreditPolicy everything = new CreditPolicy(null, BigDecimal.valueOf(100), policy.creditTo(),
            policy.sharedPercentOfCredit(), 1, policy.pointValue(), null, null, BigDecimal.valueOf(100), 0, 0, 0, 0, 0,
            1L, null, null);
        Sale sale = new Sale(amount, Redemption.NONE, 0);

        List<Proposal> earned = sale.earn(everything, benefit);

        long paid = sale.paid(benefit);
        assertEquals(paid, credit(earned, Proposal.Kind.EARN));
        assertEquals(floorPercent(paid, benefit.extraCreditPercent()), credit(earned, Proposal.Kind.BONUS));
        earned.forEach(p -> assertTrue(p.amount() > 0 && p.amount() <= amount, "amount of " + p));
        assertTrue(paid >= 0);
        assertEquals(amount, EarningRules.maxRedeemable(everything, amount));
    }

    // ---- generators

    /** Invoices of 1 to 10^12 with shared credit, branch credit and points that pay at most all of it. */
    @Provide
    Arbitrary<Sale> sales() {
        return Arbitraries.longs().between(1, LARGEST_INVOICE).flatMap(amount ->
            Arbitraries.longs().between(0, amount).flatMap(shared ->
                Arbitraries.longs().between(0, amount - shared).flatMap(branch ->
                    Arbitraries.longs().between(0, 10_000).flatMap(pointValue -> {
                        long left = amount - shared - branch;
                        Arbitrary<Long> points = pointValue == 0 ? Arbitraries.longs().between(0, 1_000)
                            : Arbitraries.longs().between(0, left / pointValue);
                        return points.map(p -> new Sale(amount, new Redemption(shared, branch, p), pointValue));
                    }))));
    }

    /** 0 to 100 with 0 to 4 decimals, as PUT /api/v1/credit/policy accepts them. */
    @Provide
    Arbitrary<BigDecimal> percents() {
        return Arbitraries.integers().between(0, 4).flatMap(scale ->
            Arbitraries.longs().between(0, 100 * BigInteger.TEN.pow(scale).longValueExact())
                .map(unscaled -> BigDecimal.valueOf(unscaled, scale)));
    }

    @Provide
    Arbitrary<CreditPolicy> policies() {
        Arbitrary<String> creditTo = Arbitraries.of(CreditPolicy.SHARED, CreditPolicy.BRANCH, CreditPolicy.SPLIT);
        Arbitrary<Long> amountPerPoint = Arbitraries.oneOf(Arbitraries.just(0L),
            Arbitraries.longs().between(1, 10_000_000));
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 3650).injectNull(0.1);
        Arbitrary<Long> version = Arbitraries.longs().between(1, 1_000_000).injectNull(0.1);
        return Combinators.combine(percents(), creditTo, percents(), amountPerPoint, days, days,
                percents().injectNull(0.1), version)
            .as((creditPercent, to, sharedPercent, perPoint, creditDays, pointsDays, maxRedeem, v) ->
                new CreditPolicy(null, creditPercent, to, sharedPercent, perPoint, 100, creditDays, pointsDays,
                    maxRedeem, 100, 500, 50, 20, 50, v, null, v == null ? "default" : "admin"));
    }

    @Provide
    Arbitrary<TierBenefits.Benefit> benefits() {
        return Combinators.combine(percents(), percents()).as(TierBenefits.Benefit::new);
    }

    // ---- the formula, independently

    /** floor(amount × percent / 100), in whole numbers: both are never negative, so division truncates down. */
    private static long floorPercent(long amount, BigDecimal percent) {
        assertTrue(amount >= 0 && percent.signum() >= 0 && percent.scale() >= 0);
        BigInteger numerator = BigInteger.valueOf(amount).multiply(percent.unscaledValue());
        BigInteger denominator = BigInteger.valueOf(100).multiply(BigInteger.TEN.pow(percent.scale()));
        return numerator.divide(denominator).longValueExact();
    }

    /** Credit (shared and branch, not points) of one kind of proposal. */
    private static long credit(List<Proposal> proposals, Proposal.Kind kind) {
        return proposals.stream().filter(p -> p.kind() == kind && !p.account().isPoints())
            .mapToLong(Proposal::amount).sum();
    }

    private static long sum(List<Proposal> proposals, Proposal.Kind kind, Account account) {
        return proposals.stream().filter(p -> p.kind() == kind && account.equals(p.account()))
            .mapToLong(Proposal::amount).sum();
    }

    private static CreditPolicy withMaxRedeemPercent(CreditPolicy p, BigDecimal percent) {
        return new CreditPolicy(p.branch(), p.creditPercent(), p.creditTo(), p.sharedPercentOfCredit(),
            p.amountPerPoint(), p.pointValue(), p.creditExpiryDays(), p.pointsExpiryDays(), percent, p.signupPoints(),
            p.referralPoints(), p.reviewPoints(), p.socialPoints(), p.surveyPoints(), p.version(), p.changedAt(),
            p.changedBy());
    }
}

package org.bashgah.credit.internal.earning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.Redemption;
import org.bashgah.credit.api.CreditPolicy;
import org.junit.jupiter.api.Test;

/**
 * What a purchase earns under a policy, told with the numbers of the shops: a shoe shop with 10%
 * shared credit, a salon whose SILVER members earn 15 percentage points more. Purchases are made at
 * tehran-1 on 10 January 2026, 10:00 Tehran time; the policy is version 7 unless a test says otherwise.
 */
class EarningRulesTest {
    private static final String TEHRAN = "tehran-1";
    private static final ZonedDateTime JAN_10 = ZonedDateTime.of(2026, 1, 10, 10, 0, 0, 0, ZoneId.of("Asia/Tehran"));
    private static final String SOURCE = "credit-policy:v7";

    @Test
    void shoeShopTenPercentSharedCreditOn200000PaidEarns20000() {
        List<Proposal> earned = earn(policy("10", CreditPolicy.SHARED), purchase(200_000));

        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 20_000, SOURCE, null)), earned);
    }

    @Test
    void aPurchaseOf600000UnderTwentyPercentEarns120000() {
        List<Proposal> earned = earn(policy("20", CreditPolicy.SHARED), purchase(600_000));

        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 120_000, SOURCE, null)), earned);
    }

    @Test
    void creditIsRoundedDown() {
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 19_999, SOURCE, null)),
            earn(policy("10", CreditPolicy.SHARED), purchase(199_999)));
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 24, SOURCE, null)),
            earn(policy("2.5", CreditPolicy.SHARED), purchase(999)));
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 1, SOURCE, null)),
            earn(policy("0.0001", CreditPolicy.SHARED), purchase(1_999_999)));
    }

    @Test
    void aPurchaseTooSmallToEarnAWholeUnitProposesNothing() {
        assertEquals(List.of(), earn(policy("10", CreditPolicy.SHARED), purchase(9)));
        assertEquals(List.of(), earn(policy("0", CreditPolicy.SHARED), purchase(200_000)));
    }

    @Test
    void branchCreditLandsInTheCreditOfTheBranchWhereItWasEarned() {
        List<Proposal> earned = earn(policy("10", CreditPolicy.BRANCH), purchase(200_000));

        assertEquals(List.of(Proposal.earn(Account.branchCredit(TEHRAN), 20_000, SOURCE, null)), earned);
        assertEquals("BRANCH_CREDIT:tehran-1", earned.get(0).account().toString());
    }

    @Test
    void aFiftyPercentSplitOf10001CreditGivesTheOddUnitToTheBranch() {
        CreditPolicy split = new Builder(policy("10", CreditPolicy.SPLIT)).sharedPercentOfCredit("50").build();

        // 10% of 100,010 is 10,001 credit: floor(10,001 × 50%) = 5,000 shared, the rest to tehran-1
        List<Proposal> earned = earn(split, purchase(100_010));

        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 5_000, SOURCE, null),
            Proposal.earn(Account.branchCredit(TEHRAN), 5_001, SOURCE, null)), earned);
    }

    @Test
    void aSplitOfZeroOrAHundredPercentProposesOnlyOnePart() {
        assertEquals(List.of(Proposal.earn(Account.branchCredit(TEHRAN), 20_000, SOURCE, null)),
            earn(new Builder(policy("10", CreditPolicy.SPLIT)).sharedPercentOfCredit("0").build(), purchase(200_000)));
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 20_000, SOURCE, null)),
            earn(new Builder(policy("10", CreditPolicy.SPLIT)).sharedPercentOfCredit("100").build(), purchase(200_000)));
    }

    @Test
    void onePointPer1000Of199999Is199Points() {
        CreditPolicy points = new Builder(policy("0", CreditPolicy.SHARED)).amountPerPoint(1_000).build();

        assertEquals(List.of(Proposal.earn(Account.points(), 199, SOURCE, null)), earn(points, purchase(199_999)));
    }

    @Test
    void creditAndPointsAreEarnedTogether() {
        CreditPolicy both = new Builder(policy("10", CreditPolicy.SHARED)).amountPerPoint(1_000).build();

        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 20_000, SOURCE, null),
            Proposal.earn(Account.points(), 200, SOURCE, null)), earn(both, purchase(200_000)));
    }

    @Test
    void redeemedCreditIsNotABasisForEarning() {
        PurchaseContext paysTwentyThousandFromCredit = purchase(100_000, new Redemption(20_000, 0, 0));

        assertEquals(80_000, EarningRules.basis(paysTwentyThousandFromCredit, 0));
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 8_000, SOURCE, null)),
            earn(policy("10", CreditPolicy.SHARED), paysTwentyThousandFromCredit));
    }

    @Test
    void redeemedBranchCreditAndPointsAreNotABasisEither() {
        // 100 points at 100 each pay 10,000; 5,000 comes from tehran-1's credit: the member pays 85,000
        PurchaseContext purchase = purchase(100_000, new Redemption(0, 5_000, 100));

        assertEquals(85_000, EarningRules.basis(purchase, 100 * 100));
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 8_500, SOURCE, null)),
            EarningRules.proposals(policy("10", CreditPolicy.SHARED), TierBenefits.Benefit.NONE, purchase, 100 * 100));
    }

    @Test
    void aRedemptionOfMoreThanTheAmountEarnsNothingAndNeverANegativeAmount() {
        // core refuses such a purchase, but only after asking the contributors
        PurchaseContext overpaid = purchase(10_000, new Redemption(8_000, 0, 50));

        assertEquals(0, EarningRules.basis(overpaid, 50 * 100));
        assertEquals(List.of(), EarningRules.proposals(new Builder(policy("10", CreditPolicy.SHARED))
            .amountPerPoint(1_000).build(), TierBenefits.Benefit.NONE, overpaid, 50 * 100));
    }

    @Test
    void silverMembersEarnFifteenPercentagePointsMoreCreditAsASeparateBonus() {
        TierBenefits.Benefit silver = new TierBenefits.Benefit(new BigDecimal("15"), BigDecimal.ZERO);

        List<Proposal> earned = EarningRules.proposals(policy("10", CreditPolicy.SHARED), silver,
            purchase(member("SILVER"), 200_000, Redemption.NONE), 0);

        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 20_000, SOURCE, null),
            new Proposal(Proposal.Kind.BONUS, Account.sharedCredit(), 30_000, "tier:SILVER", "SILVER benefit",
                "15% more credit", null)), earned);
    }

    @Test
    void theTierBonusGoesWhereThePolicySendsCreditAndIsSplitTheSameWay() {
        TierBenefits.Benefit silver = new TierBenefits.Benefit(new BigDecimal("15.50"), BigDecimal.ZERO);
        CreditPolicy split = new Builder(policy("10", CreditPolicy.SPLIT)).sharedPercentOfCredit("50").build();

        List<Proposal> earned = EarningRules.proposals(split, silver, purchase(member("SILVER"), 100_001,
            Redemption.NONE), 0);

        // credit 10,000 → 5,000 + 5,000; bonus floor(100,001 × 15.5%) = 15,500 → 7,750 + 7,750
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 5_000, SOURCE, null),
            Proposal.earn(Account.branchCredit(TEHRAN), 5_000, SOURCE, null),
            new Proposal(Proposal.Kind.BONUS, Account.sharedCredit(), 7_750, "tier:SILVER", "SILVER benefit",
                "15.5% more credit", null),
            new Proposal(Proposal.Kind.BONUS, Account.branchCredit(TEHRAN), 7_750, "tier:SILVER", "SILVER benefit",
                "15.5% more credit", null)), earned);
    }

    @Test
    void goldMembersGetTheirTierDiscountOffTheInvoice() {
        TierBenefits.Benefit gold = new TierBenefits.Benefit(BigDecimal.ZERO, new BigDecimal("5"));

        List<Proposal> earned = EarningRules.proposals(policy("0", CreditPolicy.SHARED), gold,
            purchase(member("GOLD"), 200_000, Redemption.NONE), 0);

        assertEquals(List.of(Proposal.discount(10_000, "tier:GOLD", "GOLD benefit")), earned);
    }

    @Test
    void theTierDiscountIsOfTheWholeInvoiceAndWhatItTakesOffEarnsNothing() {
        TierBenefits.Benefit gold = new TierBenefits.Benefit(BigDecimal.ZERO, new BigDecimal("2.5"));

        List<Proposal> earned = EarningRules.proposals(policy("10", CreditPolicy.SHARED), gold,
            purchase(member("GOLD"), 100_000, new Redemption(20_000, 0, 0)), 0);

        // the member pays 100,000 - 2,500 - 20,000 = 77,500, and earns 10% of that
        assertEquals(List.of(Proposal.earn(Account.sharedCredit(), 7_750, SOURCE, null),
            Proposal.discount(2_500, "tier:GOLD", "GOLD benefit")), earned);
    }

    @Test
    void creditExpiresTheConfiguredNumberOfDaysAfterThePurchase() {
        CreditPolicy expiring = new Builder(policy("10", CreditPolicy.SHARED)).amountPerPoint(1_000)
            .creditExpiryDays(30).pointsExpiryDays(365).build();

        List<Proposal> earned = earn(expiring, purchase(200_000));

        // 10 January 2026 10:00 in Tehran (+03:30) is 06:30 UTC; 30 and 365 days later at the same local time
        assertEquals(List.of(
            Proposal.earn(Account.sharedCredit(), 20_000, SOURCE, Instant.parse("2026-02-09T06:30:00Z")),
            Proposal.earn(Account.points(), 200, SOURCE, Instant.parse("2027-01-10T06:30:00Z"))), earned);
    }

    @Test
    void theTierBonusExpiresWithTheCredit() {
        CreditPolicy expiring = new Builder(policy("10", CreditPolicy.SHARED)).creditExpiryDays(30).build();
        TierBenefits.Benefit silver = new TierBenefits.Benefit(new BigDecimal("15"), BigDecimal.ZERO);

        List<Proposal> earned = EarningRules.proposals(expiring, silver,
            purchase(member("SILVER"), 200_000, Redemption.NONE), 0);

        assertEquals(Instant.parse("2026-02-09T06:30:00Z"), earned.get(1).expiresAt());
    }

    @Test
    void zeroOrNoExpiryDaysMeanCreditNeverExpires() {
        assertNull(earn(new Builder(policy("10", CreditPolicy.SHARED)).creditExpiryDays(0).build(),
            purchase(200_000)).get(0).expiresAt());
        assertNull(earn(new Builder(policy("10", CreditPolicy.SHARED)).creditExpiryDays(null).build(),
            purchase(200_000)).get(0).expiresAt());
    }

    @Test
    void theSourceNamesThePolicyVersionOrTheDefault() {
        CreditPolicy builtIn = new Builder(policy("10", CreditPolicy.SHARED)).version(null).build();

        assertEquals("credit-policy:default", earn(builtIn, purchase(200_000)).get(0).source());
        assertEquals("credit-policy:v7", earn(policy("10", CreditPolicy.SHARED), purchase(200_000)).get(0).source());
    }

    @Test
    void underAFiftyPercentCapBalancesMayPay15000Of30000() {
        CreditPolicy half = new Builder(policy("10", CreditPolicy.SHARED)).maxRedeemPercent("50").build();

        assertEquals(15_000, EarningRules.maxRedeemable(half, 30_000));
        assertEquals(15_000, EarningRules.maxRedeemable(half, 30_001), "rounded down");
    }

    @Test
    void withoutARedemptionLimitBalancesMayPayEverythingDue() {
        assertEquals(30_000, EarningRules.maxRedeemable(
            new Builder(policy("10", CreditPolicy.SHARED)).maxRedeemPercent(null).build(), 30_000));
        assertEquals(30_000, EarningRules.maxRedeemable(
            new Builder(policy("10", CreditPolicy.SHARED)).maxRedeemPercent("100").build(), 30_000));
        assertEquals(0, EarningRules.maxRedeemable(
            new Builder(policy("10", CreditPolicy.SHARED)).maxRedeemPercent("0").build(), 30_000));
    }

    @Test
    void percentOfIsTheFlooredExactProduct() {
        assertEquals(20_000, EarningRules.percentOf(200_000, new BigDecimal("10")));
        assertEquals(33_333, EarningRules.percentOf(100_000, new BigDecimal("33.3333")));
        assertEquals(0, EarningRules.percentOf(0, new BigDecimal("10")));
        assertEquals(0, EarningRules.percentOf(200_000, null));
        assertEquals(1_000_000_000_000_000L, EarningRules.percentOf(1_000_000_000_000_000L, new BigDecimal("100")));
        assertEquals(0, EarningRules.percentOf(-200_000, new BigDecimal("10")), "a negative amount earns nothing");
    }

    // ---- the purchase and the policy, as the public records build them

    private static List<Proposal> earn(CreditPolicy policy, PurchaseContext purchase) {
        return EarningRules.proposals(policy, TierBenefits.Benefit.NONE, purchase, 0);
    }

    private static PurchaseContext purchase(long amount) {
        return purchase(amount, Redemption.NONE);
    }

    private static PurchaseContext purchase(long amount, Redemption redemption) {
        return purchase(member("BRONZE"), amount, redemption);
    }

    private static PurchaseContext purchase(Member member, long amount, Redemption redemption) {
        Organisation shop = new Organisation("org-1", "kafsh", "Kafsh shoes", "IRR", "Asia/Tehran", "persian");
        MemberStats firstVisit = new MemberStats(0, 0, 0, null, null, Map.of(), Map.of());
        return new PurchaseContext(shop, "purchase-1", TEHRAN, member, firstVisit, JAN_10, amount, List.of(),
            redemption);
    }

    private static Member member(String tier) {
        return new Member("member-1", "+989121234567", "Sara", LocalDate.of(1990, 5, 1), tier,
            Instant.parse("2025-06-01T08:00:00Z"), TEHRAN, null, true);
    }

    /** Version 7 of a chain's policy: no points, no expiry, no redemption limit, unless a test sets them. */
    private static CreditPolicy policy(String creditPercent, String creditTo) {
        return new CreditPolicy(null, new BigDecimal(creditPercent), creditTo, new BigDecimal("50"), 0, 100, null, null,
            null, 100, 500, 50, 20, 50, 7L, Instant.parse("2026-01-01T00:00:00Z"), "admin");
    }

    /** Changes one field of a policy; records have no withers. */
    private static final class Builder {
        private BigDecimal sharedPercentOfCredit;
        private long amountPerPoint;
        private Integer creditExpiryDays;
        private Integer pointsExpiryDays;
        private BigDecimal maxRedeemPercent;
        private Long version;
        private final CreditPolicy p;

        Builder(CreditPolicy p) {
            this.p = p;
            sharedPercentOfCredit = p.sharedPercentOfCredit();
            amountPerPoint = p.amountPerPoint();
            creditExpiryDays = p.creditExpiryDays();
            pointsExpiryDays = p.pointsExpiryDays();
            maxRedeemPercent = p.maxRedeemPercent();
            version = p.version();
        }

        Builder sharedPercentOfCredit(String percent) {
            sharedPercentOfCredit = new BigDecimal(percent);
            return this;
        }

        Builder amountPerPoint(long amount) {
            amountPerPoint = amount;
            return this;
        }

        Builder creditExpiryDays(Integer days) {
            creditExpiryDays = days;
            return this;
        }

        Builder pointsExpiryDays(Integer days) {
            pointsExpiryDays = days;
            return this;
        }

        Builder maxRedeemPercent(String percent) {
            maxRedeemPercent = percent == null ? null : new BigDecimal(percent);
            return this;
        }

        Builder version(Long v) {
            version = v;
            return this;
        }

        CreditPolicy build() {
            return new CreditPolicy(p.branch(), p.creditPercent(), p.creditTo(), sharedPercentOfCredit, amountPerPoint,
                p.pointValue(), creditExpiryDays, pointsExpiryDays, maxRedeemPercent, p.signupPoints(),
                p.referralPoints(), p.reviewPoints(), p.socialPoints(), p.surveyPoints(), version, p.changedAt(),
                p.changedBy());
        }
    }
}

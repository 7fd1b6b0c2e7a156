package org.bashgah.credit.internal.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.Redemption;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.credit.internal.earning.EarningRules;
import org.bashgah.credit.internal.earning.TierBenefits;
import org.junit.jupiter.api.Test;

/**
 * Tiers told with a salon's scheme: BRONZE from 0 points, SILVER from 1,000 (15% more credit), GOLD from
 * 5,000 (25% more credit and 5% off), by points earned over 365 days.
 */
class TierRulesTest {
    private static final TierScheme SALON = new TierScheme(3L, TierScheme.POINTS, 365, List.of(
        tier("BRONZE", 0, "0", "0"), tier("SILVER", 1_000, "15", "0"), tier("GOLD", 5_000, "25", "5")),
        null, "admin");

    @Test
    void theTierOfAWindowSumIsTheHighestWhoseThresholdItReaches() {
        assertEquals("BRONZE", SALON.tierFor(0).code());
        assertEquals("BRONZE", SALON.tierFor(999).code());
        assertEquals("SILVER", SALON.tierFor(1_000).code());
        assertEquals("SILVER", SALON.tierFor(4_999).code());
        assertEquals("GOLD", SALON.tierFor(5_000).code());
        assertEquals("GOLD", SALON.tierFor(Long.MAX_VALUE).code());
    }

    @Test
    void theDefaultSchemeHasBronzeOnlySoNobodyMoves() {
        assertEquals(List.of("BRONZE"), TierScheme.DEFAULT.codes());
        assertEquals(Optional.empty(), TierRules.upgradeTo(TierScheme.DEFAULT, "BRONZE", 1_000_000));
        assertEquals(TierBenefits.Benefit.NONE, TierScheme.DEFAULT.benefitOf("BRONZE"));
    }

    @Test
    void aPurchaseThatReachesAHigherTierUpgradesAtOnceEvenPastATier() {
        assertEquals(Optional.of("SILVER"), TierRules.upgradeTo(SALON, "BRONZE", 1_000));
        assertEquals(Optional.of("GOLD"), TierRules.upgradeTo(SALON, "BRONZE", 6_000));
        assertEquals(Optional.empty(), TierRules.upgradeTo(SALON, "BRONZE", 999));
    }

    @Test
    void aPurchaseNeverMovesAMemberDown() {
        assertEquals(Optional.empty(), TierRules.upgradeTo(SALON, "GOLD", 0));
        assertEquals(Optional.empty(), TierRules.upgradeTo(SALON, "SILVER", 1_500));
    }

    @Test
    void aMemberOnATierTheSchemeNoLongerHasMovesToWhatTheWindowEarns() {
        assertEquals(Optional.of("BRONZE"), TierRules.upgradeTo(SALON, "PLATINUM", 0));
        assertEquals(Optional.of("SILVER"), TierRules.upgradeTo(SALON, null, 1_200));
    }

    @Test
    void aPurchaseThatStillEarnsTheTierReachesItAgain() {
        assertTrue(TierRules.qualifiesFor(SALON, "SILVER", 1_000));
        assertTrue(TierRules.qualifiesFor(SALON, "SILVER", 7_000));
        assertFalse(TierRules.qualifiesFor(SALON, "SILVER", 999));
        assertFalse(TierRules.qualifiesFor(SALON, "PLATINUM", 1_000_000));
    }

    @Test
    void theReviewDateIsWindowDaysAfterTheTierWasReached() {
        Instant reached = Instant.parse("2026-01-10T06:30:00Z");
        assertEquals(Instant.parse("2027-01-10T06:30:00Z"), TierRules.reviewAt(reached, 365));
        assertEquals(Instant.parse("2026-01-11T06:30:00Z"), TierRules.reviewAt(reached, 1));
    }

    @Test
    void theWindowEndingOnADayHoldsTheWindowDaysUpToIt() {
        // (10 Jan 2026 - 365 days, 10 Jan 2026] = 11 Jan 2025 .. 10 Jan 2026
        assertEquals(LocalDate.of(2025, 1, 10), TierRules.dayBeforeWindow(LocalDate.of(2026, 1, 10), 365));
        assertEquals(LocalDate.of(2026, 1, 9), TierRules.dayBeforeWindow(LocalDate.of(2026, 1, 10), 1));
    }

    @Test
    void aReviewMovesDownToWhatTheWindowStillEarns() {
        assertEquals("SILVER", TierRules.atReview(SALON, null, 1_200));
        assertEquals("BRONZE", TierRules.atReview(SALON, null, 0));
        assertTrue(TierRules.isDown(SALON, "GOLD", "BRONZE"));
        assertFalse(TierRules.isDown(SALON, "SILVER", "SILVER"));
    }

    @Test
    void aReviewKeepsAMemberWhoStillQualifies() {
        assertEquals("SILVER", TierRules.atReview(SALON, null, 4_000));
        assertEquals("GOLD", TierRules.atReview(SALON, null, 5_000));
    }

    @Test
    void aReviewNeverMovesAMemberBelowTheirFloor() {
        assertEquals("GOLD", TierRules.atReview(SALON, "GOLD", 0));
        assertEquals("SILVER", TierRules.atReview(SALON, "SILVER", 200));
        // a floor below what the window earns changes nothing
        assertEquals("GOLD", TierRules.atReview(SALON, "SILVER", 5_000));
        // a floor the scheme no longer has does not hold
        assertEquals("BRONZE", TierRules.atReview(SALON, "PLATINUM", 0));
    }

    @Test
    void aFloorLiftsAMemberBelowItAtOnceAndNeverLowersOne() {
        assertEquals("GOLD", TierRules.withFloor(SALON, "BRONZE", "GOLD"));
        assertEquals("GOLD", TierRules.withFloor(SALON, "GOLD", "SILVER"));
        assertEquals("SILVER", TierRules.withFloor(SALON, "PLATINUM", "SILVER"));
    }

    @Test
    void theNextTierIsAboveBothTheTierHeldAndWhatTheWindowEarns() {
        assertEquals("SILVER", TierRules.nextTier(SALON, "BRONZE", 400).orElseThrow().code());
        assertEquals(600, TierRules.toReach(TierRules.nextTier(SALON, "BRONZE", 400).orElseThrow(), 400));
        // held SILVER until the review although the window fell to 200: GOLD is 4,800 away
        assertEquals("GOLD", TierRules.nextTier(SALON, "SILVER", 200).orElseThrow().code());
        assertEquals(4_800, TierRules.toReach(SALON.find("GOLD").orElseThrow(), 200));
        assertEquals(Optional.empty(), TierRules.nextTier(SALON, "GOLD", 0));
        assertEquals(Optional.empty(), TierRules.nextTier(SALON, "BRONZE", 5_000));
        assertEquals(0, TierRules.toReach(SALON.find("SILVER").orElseThrow(), 3_000));
    }

    @Test
    void aTierBenefitIsWhatTheSchemeSaysAndNothingForAnUnknownTier() {
        assertEquals(new TierBenefits.Benefit(new BigDecimal("15"), new BigDecimal("0")), SALON.benefitOf("SILVER"));
        assertEquals(TierBenefits.Benefit.NONE, SALON.benefitOf("PLATINUM"));
        assertEquals(TierBenefits.Benefit.NONE, SALON.benefitOf(null));
    }

    /** The salon's "15% more credit for SILVER members", through earning: a separate BONUS entry. */
    @Test
    void silverMembersEarnFifteenPercentMoreCreditAsASeparateBonus() {
        CreditPolicy tenPercent = new CreditPolicy(null, new BigDecimal("10"), CreditPolicy.SHARED, BigDecimal.ZERO,
            0, 100, null, null, new BigDecimal("50"), 0, 0, 0, 0, 0, 7L, null, "admin");
        ZonedDateTime at = ZonedDateTime.of(2026, 1, 10, 10, 0, 0, 0, ZoneId.of("Asia/Tehran"));
        Member silver = new Member("m-1", "+989121234567", "Sara", null, "SILVER", at.toInstant(), "salon-1",
            null, false);
        PurchaseContext purchase = new PurchaseContext(
            new Organisation("o-1", "salon", "Salon", "IRR", "Asia/Tehran", "persian"), "p-1", "salon-1", silver,
            new MemberStats(0, 0, 0, null, null, Map.of(), Map.of()), at, 100_000, List.of(), Redemption.NONE);

        List<Proposal> earned = EarningRules.proposals(tenPercent, SALON.benefitOf("SILVER"), purchase, 0);

        assertEquals(List.of(
            Proposal.earn(Account.sharedCredit(), 10_000, "credit-policy:v7", null),
            new Proposal(Proposal.Kind.BONUS, Account.sharedCredit(), 15_000, "tier:SILVER", "SILVER benefit",
                "15% more credit", null)), earned);
    }

    private static Tier tier(String code, long threshold, String extra, String discount) {
        return new Tier(code, code.charAt(0) + code.substring(1).toLowerCase(), threshold, new BigDecimal(extra),
            new BigDecimal(discount));
    }
}

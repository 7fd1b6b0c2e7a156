package org.bashgah.offers.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.OfferDefinition.Condition;
import org.bashgah.offers.internal.offer.OfferDefinition.Reward;
import org.bashgah.offers.internal.offer.OfferDefinition.Trigger;
import org.junit.jupiter.api.Test;

class OfferRulesTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 1, 11, 0, 0, 0, TEHRAN); // a Tuesday

    private static OfferDefinition offer(Trigger trigger, Reward reward) {
        return new OfferDefinition("o", "PERMANENT", null, null, null, null, null, null, null, trigger, reward, null,
            null, null, null);
    }

    private static Reward credit(int percent) {
        return new Reward(BigDecimal.valueOf(percent), null, null, null, null);
    }

    @Test
    void theShoeShopsTenMorePercentOnPurchasesOver600000() {
        OfferDefinition d = offer(new Trigger(600_000L, null, null), credit(10));
        assertEquals(0, OfferRules.basis(d, 600_000, List.of()), "600,000 is not over 600,000");
        long basis = OfferRules.basis(d, 700_000, List.of());
        assertEquals(70_000, OfferRules.gift(d.reward(), basis, 700_000, 0).credit());
    }

    @Test
    void aDiscountOnOneProductGroupIsFiguredOnItsLinesOnly() {
        OfferDefinition d = offer(new Trigger(null, List.of("colour"), 30),
            new Reward(null, BigDecimal.valueOf(20), null, null, null));
        List<PurchaseLine> lines = List.of(new PurchaseLine("colour", 500_000), new PurchaseLine("nail", 100_000));
        long basis = OfferRules.basis(d, 600_000, lines);
        assertEquals(500_000, basis);
        assertEquals(100_000, OfferRules.gift(d.reward(), basis, 600_000, 0).discount());
        assertEquals(0, OfferRules.basis(d, 100_000, List.of(new PurchaseLine("nail", 100_000))));
    }

    @Test
    void extraCreditIsEarnedOnWhatIsLeftAfterTheDiscountAndOnMoneyNotBalances() {
        Reward fiveAndFive = new Reward(BigDecimal.valueOf(5), BigDecimal.valueOf(5), null, null, null);
        OfferRules.Gift gift = OfferRules.gift(fiveAndFive, 1_000_000, 1_000_000, 0);
        assertEquals(50_000, gift.discount());
        assertEquals(47_500, gift.credit());
        // 100,000 of the 1,000,000 paid from credit: 5% of 950,000 - 100,000
        assertEquals(42_500, OfferRules.gift(fiveAndFive, 1_000_000, 1_000_000, 100_000).credit());
        assertEquals(333, OfferRules.gift(credit(10), 3_333, 3_333, 0).credit(), "rounds down");
    }

    @Test
    void hoursMayRunPastMidnightAndWeekdaysAndBranchesRuleOut() {
        assertTrue(OfferRules.withinHours(LocalTime.of(22, 0), LocalTime.of(2, 0), LocalTime.of(23, 30)));
        assertTrue(OfferRules.withinHours(LocalTime.of(22, 0), LocalTime.of(2, 0), LocalTime.of(1, 59)));
        assertFalse(OfferRules.withinHours(LocalTime.of(22, 0), LocalTime.of(2, 0), LocalTime.of(2, 0)));
        assertFalse(OfferRules.withinHours(LocalTime.of(10, 0), LocalTime.of(14, 0), LocalTime.of(14, 0)));
        OfferDefinition fridays = new OfferDefinition("f", "PERMANENT", List.of("tehran-1"), LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 31), List.of(DayOfWeek.FRIDAY), null, null, null, null, credit(1), null, null, null,
            null);
        assertFalse(OfferRules.inForce(fridays, "tehran-1", NOW, false), "a Tuesday");
        assertTrue(OfferRules.inForce(fridays, "tehran-1", NOW.plusDays(3), false));
        assertFalse(OfferRules.inForce(fridays, "shiraz-1", NOW.plusDays(3), false));
        assertFalse(OfferRules.inForce(fridays, "tehran-1", NOW.plusDays(31), false), "after activeTo");
        assertTrue(OfferRules.inForce(fridays, "tehran-1", NOW.plusDays(31), true), "a simulation ignores dates");
    }

    @Test
    void aNonStackingOfferAppliesAloneAndOnlyIfNothingHigherApplied() {
        var a = new OfferRules.Candidate<>("a", 10, true);
        var b = new OfferRules.Candidate<>("b", 5, false);
        var c = new OfferRules.Candidate<>("c", 1, true);
        assertEquals(List.of("a", "c"), OfferRules.choose(List.of(c, b, a)));
        assertEquals(List.of("b"), OfferRules.choose(List.of(c, b)));
    }

    @Test
    void audiencesCombineAllAnyAndNot() {
        Member m = new Member("m", "+989121234567", "Ali", LocalDate.of(1990, 12, 5), "SILVER",
            NOW.minusDays(400).toInstant(), "tehran-1", null, true);
        Instant lastVisit = NOW.minusDays(100).toInstant();
        MemberStats s = new MemberStats(5, 900_000, 180_000, NOW.minusDays(300).toInstant(), lastVisit,
            Map.of("tehran-1", new MemberStats.Counter(5, 900_000, lastVisit)),
            Map.of("nail", new MemberStats.Counter(3, 400_000, lastVisit)));
        Condition moreThan4 = metric("visits", "gt", 4);
        Condition lapsed = metric("daysSinceLastVisit", "gte", 90);
        Condition avgUnder200k = metric("averageSpend", "lt", 200_000);
        assertTrue(Audience.matches(all(moreThan4, lapsed, avgUnder200k), m, s, NOW));
        assertFalse(Audience.matches(all(metric("visits", "gt", 5), lapsed), m, s, NOW));
        assertTrue(Audience.matches(any(metric("visits", "gt", 5), lapsed), m, s, NOW));
        Condition nailNotColour = all(new Condition(null, null, null, null, null, null, null, List.of("nail"), null,
            null, null), new Condition(null, null, null, null, null, null, null, null, List.of("colour"), null, null));
        assertTrue(Audience.matches(nailNotColour, m, s, NOW));
        assertFalse(Audience.matches(new Condition(null, null, nailNotColour, null, null, null, null, null, null, null,
            null), m, s, NOW));
        assertTrue(Audience.matches(new Condition(null, null, null, null, null, null, null, null, null, null, 4), m, s,
            NOW), "birthday on 5 December, four days on");
        assertFalse(Audience.matches(new Condition(null, null, null, null, null, null, null, null, null, null, 3), m, s,
            NOW));
        assertTrue(Audience.matches(new Condition(null, null, null, null, null, null, List.of("SILVER", "GOLD"), null,
            null, null, null), m, s, NOW));
        Member vip = new Member("v", "+989121234568", "Sara", null, "BRONZE", NOW.minusDays(10).toInstant(), null, null,
            false, java.util.Set.of("vip", "staff"));
        Condition tagged = new Condition(null, null, null, null, null, null, null, null, null, null, null,
            List.of("vip", "press"));
        assertTrue(Audience.matches(tagged, vip, s, NOW));
        assertFalse(Audience.matches(tagged, m, s, NOW), "no tags");

        // inSegment asks the segments (bashgah-reports) about the member; without reports nobody is in one
        Condition inSegment = new Condition(null, null, null, null, null, null, null, null, null, null, null, null, "seg-1");
        Audience.SegmentMembers segments = (segment, member) -> segment.equals("seg-1") && member.equals("v");
        assertTrue(Audience.matches(inSegment, vip, s, NOW, segments));
        assertFalse(Audience.matches(inSegment, m, s, NOW, segments));
        assertFalse(Audience.matches(inSegment, vip, s, NOW), "no segments at all");
        assertTrue(Audience.matches(new Condition(null, null, inSegment, null, null, null, null, null, null, null, null),
            m, s, NOW, segments), "not in it");
    }

    private static Condition metric(String metric, String op, long value) {
        return new Condition(null, null, null, metric, op, BigDecimal.valueOf(value), null, null, null, null, null);
    }

    private static Condition all(Condition... parts) {
        return new Condition(List.of(parts), null, null, null, null, null, null, null, null, null, null);
    }

    private static Condition any(Condition... parts) {
        return new Condition(null, List.of(parts), null, null, null, null, null, null, null, null, null);
    }
}

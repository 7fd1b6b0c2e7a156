package org.bashgah.offers.internal.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.PurchaseHistory.PastPurchase;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.offers.internal.margin.Margins;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.OfferDefinition.Reward;
import org.bashgah.offers.internal.offer.OfferDefinition.Trigger;
import org.bashgah.offers.internal.rules.Audience;
import org.junit.jupiter.api.Test;

/** The replay's warnings: a code and its parameters for a console to word, and the same as an English sentence. */
class ReplayTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant BOUGHT = Instant.parse("2026-11-10T08:00:00Z");

    private static final OfferDefinition TEN_PERCENT_OVER_600K = new OfferDefinition("10% over 600k", "PERMANENT", null,
        null, null, null, null, null, null, new Trigger(600_000L, null, null),
        new Reward(BigDecimal.TEN, null, null, null, null), null, null, null, null);

    private static Replay.Result replay(Margins.Table margins, PastPurchase... purchases) {
        Member member = new Member("m1", "+989121110001", "Ali", null, "BRONZE", FROM.minusSeconds(86400), "tehran-1", null,
            true, Set.of());
        long spend = List.of(purchases).stream().mapToLong(PastPurchase::amount).sum();
        MemberStats today = new MemberStats(purchases.length, spend, purchases.length == 0 ? 0 : spend / purchases.length,
            FROM, TO, Map.of(), Map.of());
        Replay r = new Replay("o1", TEN_PERCENT_OVER_600K, margins, 1000, TEHRAN, FROM, TO, Map.of("m1", member),
            Map.of("m1", today), Audience.SegmentMembers.NONE);
        for (PastPurchase p : purchases) r.count(p);
        for (PastPurchase p : purchases) r.replay(p);
        return r.result();
    }

    @Test
    void tenPercentCreditOnShoesWithAFivePercentMarginLosesMoneyInAllAndOnShoes() {
        PastPurchase shoes = new PastPurchase("p1", "m1", "tehran-1", BOUGHT, 1_000_000, 0, 0,
            List.of(new PurchaseLine("shoes", 1_000_000)), null);
        Replay.Result result = replay(new Margins.Table(null, Map.of("shoes", BigDecimal.valueOf(5))), shoes);

        assertEquals(List.of(Replay.Warning.LOSES_MONEY, Replay.Warning.GROUP_LOSES_MONEY),
            result.warningDetails().stream().map(Replay.Warning::code).toList());
        Replay.Warning all = result.warningDetails().get(0);
        assertEquals(Map.of("rewardCost", 100_000L, "margin", 50_000L), all.params());
        Replay.Warning onShoes = result.warningDetails().get(1);
        assertEquals("shoes", onShoes.params().get("productGroup"));
        assertEquals(100_000L, onShoes.params().get("rewardCost"));
        assertEquals(50_000L, onShoes.params().get("margin"));
        assertEquals(0, BigDecimal.valueOf(5).compareTo((BigDecimal) onShoes.params().get("marginPercent")));
        assertEquals(1_000_000L, onShoes.params().get("revenue"));
        assertEquals("loses money on shoes: rewards of 100000 against a margin of 50000 (5% of 1000000)", onShoes.message());
        assertEquals(result.warningDetails().stream().map(Replay.Warning::message).toList(), result.warnings(),
            "the sentences for API users are the same");
    }

    @Test
    void aPurchaseWithoutLinesHasNoMarginAndNothingQualifyingIsSaidSo() {
        PastPurchase noLines = new PastPurchase("p1", "m1", "tehran-1", BOUGHT, 700_000, 0, 0, List.of(), null);
        Replay.Warning noMargin = replay(new Margins.Table(null, Map.of()), noLines).warningDetails().stream()
            .filter(w -> w.code().equals(Replay.Warning.NO_MARGIN)).findFirst().orElseThrow();
        assertEquals("(no product group)", noMargin.params().get("productGroup"));

        PastPurchase small = new PastPurchase("p2", "m1", "tehran-1", BOUGHT, 100_000, 0, 0, List.of(), null);
        Replay.Result none = replay(new Margins.Table(BigDecimal.valueOf(40), Map.of()), small);
        assertEquals(List.of(Replay.Warning.NOTHING_QUALIFIES), none.warningDetails().stream().map(Replay.Warning::code).toList());
        assertEquals(Map.of(), none.warningDetails().get(0).params());
        assertEquals(List.of("no purchase in the replayed days would have qualified"), none.warnings());
    }
}

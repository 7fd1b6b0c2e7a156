package org.bashgah.surveys.internal.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetingTest {

    private static Campaign campaign(List<String> branches, List<String> tiers, boolean firstOnly, int percent) {
        return new Campaign(7, "c", 1, true, branches, tiers, firstOnly, percent, null, 24, "10:00", "20:00",
            List.of("MONDAY"), 50, 60, 3, 120, 15, 7, null, null, null);
    }

    @Test
    void allPurchasersOfEveryBranchAndTier() {
        assertTrue(Targeting.targets(campaign(List.of(), List.of(), false, 100), "north", "BRONZE", 5, "p1"));
        assertTrue(Targeting.targets(campaign(List.of(), List.of(), false, 100), "north", null, 5, "p1"));
    }

    @Test
    void aBranchATierAndFirstTimeBuyers() {
        Campaign north = campaign(List.of("north"), List.of(), false, 100);
        assertTrue(Targeting.targets(north, "north", "BRONZE", 3, "p"));
        assertFalse(Targeting.targets(north, "south", "BRONZE", 3, "p"));
        Campaign gold = campaign(List.of(), List.of("GOLD", "SILVER"), false, 100);
        assertTrue(Targeting.targets(gold, "south", "SILVER", 3, "p"));
        assertFalse(Targeting.targets(gold, "south", "BRONZE", 3, "p"));
        assertFalse(Targeting.targets(gold, "south", null, 3, "p"));
        Campaign first = campaign(List.of(), List.of(), true, 100);
        assertTrue(Targeting.targets(first, "south", "BRONZE", 1, "p"));
        assertFalse(Targeting.targets(first, "south", "BRONZE", 2, "p"));
    }

    @Test
    void aPausedCampaignTargetsNobody() {
        Campaign c = campaign(List.of(), List.of(), false, 100);
        Campaign paused = new Campaign(c.id(), c.name(), c.questionnaire(), false, c.branches(), c.tiers(),
            c.firstPurchaseOnly(), c.samplePercent(), null, c.delayHours(), c.callFrom(), c.callUntil(), c.callDays(),
            c.callsPerOperatorPerDay(), c.minDaysBetweenCalls(), c.maxAttempts(), c.retryNoAnswerMinutes(),
            c.retryBusyMinutes(), c.giveUpAfterDays(), null, null, null);
        assertFalse(Targeting.targets(paused, "north", "BRONZE", 1, "p"));
    }

    @Test
    void aThirtyPercentSampleDrawsAboutThirtyInAHundredAndAlwaysTheSamePurchases() {
        int drawn = 0;
        for (int i = 0; i < 10_000; i++) {
            String purchase = UUID.nameUUIDFromBytes(("purchase-" + i).getBytes()).toString();
            boolean in = Targeting.sampled(3, purchase, 30);
            assertEquals(in, Targeting.sampled(3, purchase, 30), "the draw of a purchase never changes");
            if (in) drawn++;
        }
        assertTrue(drawn > 2_800 && drawn < 3_200, drawn + " of 10,000 drawn");
        assertTrue(Targeting.sampled(3, "any", 100));
        assertFalse(Targeting.sampled(3, "any", 0));
    }

    @Test
    void aPurchaseIsInOneCampaignsSampleIndependentlyOfAnothers() {
        int both = 0;
        for (int i = 0; i < 10_000; i++) {
            String purchase = "p-" + i;
            if (Targeting.sampled(1, purchase, 50) && Targeting.sampled(2, purchase, 50)) both++;
        }
        assertTrue(both > 2_300 && both < 2_700, both + " of 10,000 in both halves");
    }

    @Test
    void theCallIsDueTheDelayAfterThePurchase() {
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), Targeting.dueAt(Instant.parse("2026-11-23T08:00:00Z"), 24));
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), Targeting.dueAt(Instant.parse("2026-11-23T08:00:00Z"), 0));
    }

    @Test
    void atMostOnceInSixtyDays() {
        Instant last = Instant.parse("2026-01-01T10:00:00Z");
        assertTrue(Targeting.mayCallAgain(false, null, last, 60));
        assertFalse(Targeting.mayCallAgain(true, null, last, 60), "never while a call is open");
        assertFalse(Targeting.mayCallAgain(false, last, Instant.parse("2026-03-01T09:59:59Z"), 60));
        assertTrue(Targeting.mayCallAgain(false, last, Instant.parse("2026-03-02T10:00:00Z"), 60));
        assertFalse(Targeting.mayCallAgain(false, last, Instant.parse("2025-12-31T10:00:00Z"), 60),
            "an older purchase posted late is within the 60 days too");
        assertTrue(Targeting.mayCallAgain(false, last, last, 0));
    }
}

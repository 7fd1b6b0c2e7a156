package org.bashgah.surveys.internal.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.FieldError;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.campaign.CampaignRules.Change;
import org.junit.jupiter.api.Test;

class CampaignRulesTest {

    private static Change change(String name, Long questionnaire) {
        return new Change(name, questionnaire, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
    }

    private static List<String> faults(Campaign base, Change c) {
        Validation v = new Validation();
        CampaignRules.apply(v, base, c);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (Invalid e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void aNewCampaignCallsEveryPurchaserADayLaterTenToEightEveryDay() {
        Validation v = new Validation();
        Campaign c = CampaignRules.apply(v, CampaignRules.DEFAULTS, change(" After the visit ", 3L));
        assertTrue(v.ok());
        assertEquals("After the visit", c.name());
        assertEquals(3, c.questionnaire());
        assertTrue(c.active());
        assertEquals(List.of(), c.branches());
        assertEquals(100, c.samplePercent());
        assertEquals(24, c.delayHours());
        assertEquals("10:00", c.callFrom());
        assertEquals("20:00", c.callUntil());
        assertEquals(7, c.callDays().size());
        assertEquals(60, c.minDaysBetweenCalls());
        assertEquals(3, c.maxAttempts());
        assertNull(c.apologyOffer());
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndEmptyTextRemovesTheOffer() {
        Validation v = new Validation();
        Campaign before = CampaignRules.apply(v, CampaignRules.DEFAULTS, new Change("c", 1L, null, List.of("north", "north",
            "south"), List.of("GOLD"), true, 30, null, 48, "18:00", "01:00", List.of("SUNDAY", "SATURDAY", "SUNDAY"), 40,
            30, 5, 60, 10, 14, "sorry-20"));
        assertTrue(v.ok());
        assertEquals(List.of("north", "south"), before.branches(), "each once");
        assertEquals(List.of("SATURDAY", "SUNDAY"), before.callDays(), "in week order, each once");
        Campaign after = CampaignRules.apply(v, before, new Change(null, null, false, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, ""));
        assertTrue(v.ok());
        assertEquals(false, after.active());
        assertEquals(List.of("north", "south"), after.branches());
        assertEquals(30, after.samplePercent());
        assertEquals("18:00", after.callFrom());
        assertNull(after.apologyOffer());
    }

    @Test
    void aSegmentIsKeptUntilEmptyTextRemovesItAndMustBeAnId() {
        Validation v = new Validation();
        Campaign aimed = CampaignRules.apply(v, CampaignRules.DEFAULTS, new Change("c", 1L, null, null, null, null, null,
            "5f0c6a9e-2b1d-4c1e-9a47-1f2e3d4c5b6a", null, null, null, null, null, null, null, null, null, null, null));
        assertTrue(v.ok());
        assertEquals("5f0c6a9e-2b1d-4c1e-9a47-1f2e3d4c5b6a", aimed.segment());
        assertEquals(aimed.segment(), CampaignRules.apply(v, aimed, change("renamed", null)).segment());
        Campaign everyone = CampaignRules.apply(v, aimed, new Change(null, null, null, null, null, null, null, "", null,
            null, null, null, null, null, null, null, null, null, null));
        assertTrue(v.ok());
        assertNull(everyone.segment());
        assertEquals(List.of("segment"), faults(CampaignRules.DEFAULTS, new Change("c", 1L, null, null, null, null, null,
            "big spenders", null, null, null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void everyFaultIsNamed() {
        assertEquals(List.of("samplePercent", "delayHours", "callsPerOperatorPerDay", "minDaysBetweenCalls",
                "maxAttempts", "retryNoAnswerMinutes", "retryBusyMinutes", "giveUpAfterDays", "callFrom", "callUntil",
                "apologyOffer", "branches[0]", "tiers[0]", "callDays[0]"),
            faults(CampaignRules.DEFAULTS, new Change("c", 1L, null, List.of("no such"), List.of("gold"), null, 0, null,
                -1, "25:00", "8pm", List.of("FRIDAYS"), 0, -1, 11, 0, 10081, 91, "<script>")));
        assertEquals(List.of("callUntil"), faults(CampaignRules.DEFAULTS, new Change("c", 1L, null, null, null, null,
            null, null, null, "20:00", null, null, null, null, null, null, null, null, null)));
        assertEquals(List.of("name"), faults(CampaignRules.DEFAULTS, change("<b>", 1L)));
        assertEquals(List.of("callDays"), faults(CampaignRules.DEFAULTS, new Change("c", 1L, null, null, null, null,
            null, null, null, null, null, List.of(), null, null, null, null, null, null, null)));
    }
}

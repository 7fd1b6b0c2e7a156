package org.bashgah.surveys.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.junit.jupiter.api.Test;

/** Call hours are each branch's own: 10:00-20:00 comes round in Dubai half an hour before Tehran. */
class BranchCallHoursTest {
    private static final Map<String, ZoneId> ZONES = Map.of("tehran-1", ZoneId.of("Asia/Tehran"),
        "dubai-1", ZoneId.of("Asia/Dubai"), "tehran-2", ZoneId.of("Asia/Tehran"));

    private static Campaign campaign(boolean active, List<String> branches) {
        return new Campaign(1, "c", 1, active, branches, List.of(), false, 100, null, 24, "10:00", "20:00",
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"), 50, 60, 3, 120, 15,
            7, null, null, null);
    }

    @Test
    public void halfPastNineInTehranIsTenInDubai() {
        Instant tehranHalfPastNine = Instant.parse("2026-11-24T06:00:00Z"); // 09:30 +03:30, 10:00 +04:00
        assertEquals(List.of("dubai-1"), CallQueue.inCallHours(campaign(true, List.of()), ZONES, tehranHalfPastNine));
        assertEquals(List.of("dubai-1", "tehran-1", "tehran-2"),
            CallQueue.inCallHours(campaign(true, List.of()), ZONES, tehranHalfPastNine.plusSeconds(1800)));
        // 20:00 in Dubai is 19:30 in Tehran
        Instant dubaiEight = Instant.parse("2026-11-24T16:00:00Z");
        assertEquals(List.of("tehran-1", "tehran-2"), CallQueue.inCallHours(campaign(true, List.of()), ZONES, dubaiEight));
    }

    @Test
    public void onlyTheCampaignsOwnBranchesKnownToTheOrganisationAndNoneWhilePaused() {
        Instant noonInTehran = Instant.parse("2026-11-24T08:30:00Z");
        assertEquals(List.of("tehran-2"), CallQueue.inCallHours(campaign(true, List.of("tehran-2", "gone-1")), ZONES,
            noonInTehran));
        assertEquals(List.of(), CallQueue.inCallHours(campaign(false, List.of()), ZONES, noonInTehran));
    }
}

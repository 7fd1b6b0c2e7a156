package org.bashgah.surveys.internal.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallHoursTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** Saturday to Thursday: the Iranian working week, Friday off. */
    private static final EnumSet<DayOfWeek> NO_FRIDAY = EnumSet.complementOf(EnumSet.of(DayOfWeek.FRIDAY));

    private static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TEHRAN);
    }

    @Test
    void tenToEightOnWorkingDaysStartsAtTenAndEndsBeforeEight() {
        CallHours hours = new CallHours(LocalTime.of(10, 0), LocalTime.of(20, 0), NO_FRIDAY);
        // 2026-11-21 is a Saturday, 2026-11-27 a Friday
        assertFalse(hours.contains(at("2026-11-21T09:59")));
        assertTrue(hours.contains(at("2026-11-21T10:00")));
        assertTrue(hours.contains(at("2026-11-21T19:59:59")));
        assertFalse(hours.contains(at("2026-11-21T20:00")));
        assertFalse(hours.contains(at("2026-11-27T12:00")));
    }

    @Test
    void aWindowOverMidnightBelongsToTheDayItStarts() {
        CallHours evening = new CallHours(LocalTime.of(18, 0), LocalTime.of(1, 0), NO_FRIDAY);
        // Thursday 2026-11-26 evening runs into Friday 00:30; Friday evening itself is off; Saturday 00:30 is Friday's
        assertTrue(evening.contains(at("2026-11-26T23:00")));
        assertTrue(evening.contains(at("2026-11-27T00:30")));
        assertFalse(evening.contains(at("2026-11-27T01:00")));
        assertFalse(evening.contains(at("2026-11-27T19:00")));
        assertFalse(evening.contains(at("2026-11-28T00:30")));
        assertFalse(evening.contains(at("2026-11-26T17:59")));
    }

    @Test
    void theHoursAreTheOrganisationsWhateverTheInstantsZone() {
        CallHours hours = new CallHours(LocalTime.of(10, 0), LocalTime.of(20, 0), EnumSet.allOf(DayOfWeek.class));
        // 06:45 UTC is 10:15 in Tehran (UTC+3:30)
        ZonedDateTime utc = ZonedDateTime.parse("2026-11-21T06:45:00Z");
        assertTrue(hours.contains(utc.withZoneSameInstant(TEHRAN)));
        assertFalse(hours.contains(utc));
    }

    @Test
    void textsAndDayBitsGoBothWays() {
        assertEquals(LocalTime.of(9, 30), CallHours.time("09:30"));
        assertNull(CallHours.time("9:30"));
        assertNull(CallHours.time("24:00"));
        assertNull(CallHours.time("10:00:00"));
        assertNull(CallHours.time(null));
        assertEquals("09:30", CallHours.text(LocalTime.of(9, 30)));
        List<String> days = List.of("MONDAY", "FRIDAY", "SUNDAY");
        assertEquals(1 + 16 + 64, CallHours.bits(days));
        assertEquals(days, CallHours.days(CallHours.bits(days)));
        assertThrows(IllegalArgumentException.class, () -> new CallHours(LocalTime.NOON, LocalTime.NOON, NO_FRIDAY));
    }
}

package org.bashgah.reports.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClubCalendarTest {
    private static final ClubCalendar JALALI = ClubCalendar.of("persian", "Asia/Tehran");
    private static final ClubCalendar GREGORIAN = ClubCalendar.of("gregorian", "Europe/Berlin");

    @Test
    void jalaliDatesAreReadAndWritten() {
        assertEquals(LocalDate.of(2026, 3, 21), JALALI.parse("1405-01-01"));
        // 1404 is not a leap year: Esfand has 29 days
        assertEquals(LocalDate.of(2026, 3, 20), JALALI.parse("1404-12-29"));
        assertThrows(IllegalArgumentException.class, () -> JALALI.parse("1404-12-30"));
        assertEquals(LocalDate.of(2025, 3, 20), JALALI.parse("1403-12-30"));
        assertEquals(LocalDate.of(2026, 3, 21), JALALI.parse("2026-03-21"));
        assertThrows(IllegalArgumentException.class, () -> JALALI.parse("1405-13-01"));
        assertThrows(IllegalArgumentException.class, () -> GREGORIAN.parse("2026-02-30"));
        assertThrows(IllegalArgumentException.class, () -> GREGORIAN.parse("21/03/2026"));
        assertEquals(JALALI.label(LocalDate.of(2026, 3, 21)), "1405-01-01");
        assertEquals(JALALI.name(LocalDate.of(2026, 3, 21), Bucket.DAY), "۱ فروردین ۱۴۰۵");
        assertEquals(JALALI.name(LocalDate.of(2026, 4, 1), Bucket.MONTH), "فروردین ۱۴۰۵");
        assertEquals(GREGORIAN.name(LocalDate.of(2026, 3, 1), Bucket.MONTH), "March 2026");
    }

    @Test
    void jalaliMonthsCutARangeAtTheirFirstDays() {
        List<Period> months = JALALI.periods(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 25), Bucket.MONTH);
        assertEquals(List.of(
            new Period("1404-12", "اسفند ۱۴۰۴", LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 21)),
            new Period("1405-01", "فروردین ۱۴۰۵", LocalDate.of(2026, 3, 21), LocalDate.of(2026, 4, 21)),
            new Period("1405-02", "اردیبهشت ۱۴۰۵", LocalDate.of(2026, 4, 21), LocalDate.of(2026, 4, 26))), months);
        assertEquals(3, JALALI.count(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 25), Bucket.MONTH));
        assertEquals(LocalDate.of(2026, 2, 20), JALALI.bucketStart(LocalDate.of(2026, 3, 15), Bucket.MONTH));
    }

    @Test
    void jalaliWeeksStartOnSaturdayAndGregorianOnMonday() {
        LocalDate wednesday = LocalDate.of(2026, 3, 25);
        assertEquals(LocalDate.of(2026, 3, 21), JALALI.bucketStart(wednesday, Bucket.WEEK));
        assertEquals(LocalDate.of(2026, 3, 23), GREGORIAN.bucketStart(wednesday, Bucket.WEEK));
        List<Period> weeks = JALALI.periods(LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 30), Bucket.WEEK);
        assertEquals(3, weeks.size());
        assertEquals(new Period("1404-12-23", "۲۳ اسفند ۱۴۰۴", LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 21)),
            weeks.get(0));
        assertEquals(LocalDate.of(2026, 3, 28), weeks.get(2).from());
        assertEquals(LocalDate.of(2026, 3, 31), weeks.get(2).to());
        assertEquals(3, JALALI.count(LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 30), Bucket.WEEK));
        assertEquals(GREGORIAN.label(LocalDate.of(2026, 3, 23), Bucket.WEEK), "2026-03-23");
        assertEquals(GREGORIAN.label(LocalDate.of(2026, 3, 23), Bucket.MONTH), "2026-03");
    }

    @Test
    void daysStartAtMidnightInTheOrganisationsZone() {
        // Tehran is UTC+03:30: 21:00 UTC on March 20 is already March 21 there
        assertEquals(LocalDate.of(2026, 3, 21), JALALI.day(Instant.parse("2026-03-20T21:00:00Z")));
        assertEquals(Instant.parse("2026-03-20T20:30:00Z"), JALALI.startOf(LocalDate.of(2026, 3, 21)));
        assertEquals(31, GREGORIAN.periods(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Bucket.DAY).size());
        assertEquals(31, GREGORIAN.count(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Bucket.DAY));
    }
}

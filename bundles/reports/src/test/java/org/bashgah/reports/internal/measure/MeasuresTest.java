package org.bashgah.reports.internal.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.bashgah.reports.internal.calendar.Bucket;
import org.bashgah.reports.internal.calendar.ClubCalendar;
import org.bashgah.reports.internal.calendar.Period;
import org.junit.jupiter.api.Test;

/** The other measures, each with the numbers of its definition in docs/reports.md. */
class MeasuresTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void aMemberIsChurnedFromTheWindowsLastDayOn() {
        assertEquals(Activity.Status.ACTIVE, Activity.status(LocalDate.of(2026, 1, 1), TODAY, 90), "89 days");
        assertEquals(Activity.Status.CHURNED, Activity.status(LocalDate.of(2025, 12, 31), TODAY, 90), "90 days");
        assertEquals(Activity.Status.NEVER, Activity.status(null, TODAY, 90));
        assertEquals(0, Activity.daysSince(TODAY, TODAY));
        assertEquals(-1, Activity.daysSince(null, TODAY));
    }

    @Test
    void predictedValueIsTheRunRateOverTheHorizonForActiveMembers() {
        // Jan 1 to Mar 31 is 90 days: 900,000 / 90 * 365
        assertEquals(3_650_000, Lifetime.predicted(900_000, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), TODAY,
            90, 365));
        // two days of tenure count as the 90-day window: 100,000 * 365 / 90 = 405,555.5 rounded down
        assertEquals(405_555, Lifetime.predicted(100_000, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 30), TODAY,
            90, 365));
        assertEquals(0, Lifetime.predicted(900_000, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 1),
            TODAY, 90, 365), "churned");
        assertEquals(90, Lifetime.tenureDays(LocalDate.of(2026, 1, 1), TODAY));
    }

    @Test
    void theIntervalSharesTheDaysOverTheGapsBetweenVisits() {
        assertEquals(new BigDecimal("10.00"), Intervals.of(4, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertEquals(new BigDecimal("3.50"), Intervals.of(3, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8)));
        assertEquals(new BigDecimal("0.00"), Intervals.of(2, TODAY, TODAY));
        assertNull(Intervals.of(1, TODAY, TODAY));
    }

    @Test
    void percentagesRoundDown() {
        assertEquals(new BigDecimal("66.66"), Percent.of(2, 3));
        assertEquals(new BigDecimal("100.00"), Percent.of(5, 5));
        assertNull(Percent.of(1, 0));
        assertEquals(new BigDecimal("-25.00"), Percent.growth(200, 150));
        assertEquals(new BigDecimal("33.33"), Percent.growth(3, 4));
        assertNull(Percent.growth(0, 4));
        assertEquals(new BigDecimal("3.3"), Percent.average(BigDecimal.TEN, 3));
    }

    @Test
    void bandsCountByLowerBounds() {
        Bands bands = new Bands(0, 1, 100, 500);
        for (long v : new long[] {0, 5, 99, 100, 1000}) bands.add(v);
        List<Bands.Band> b = bands.bands();
        assertEquals(List.of("0", "1-99", "100-499", "500+"), b.stream().map(Bands.Band::band).toList());
        assertEquals(List.of(1L, 2L, 1L, 1L), b.stream().map(Bands.Band::members).toList());
        assertEquals(104, b.get(1).sum());
        assertNull(b.get(3).to());
    }

    @Test
    void decileOneHoldsTheTopTenthAndAlwaysTheBest() {
        // eight members: ranks 0..7 fall in deciles 1, 2, 3, 4, 6, 7, 8, 9 (floor(10 * rank / 8) + 1)
        long[] spend = {50, 100, 250, 500, 600, 800, 1200, 3000};
        List<Deciles.Decile> d = Deciles.of(spend);
        assertEquals(List.of(1, 2, 3, 4, 6, 7, 8, 9), d.stream().map(Deciles.Decile::decile).toList());
        assertEquals(new Deciles.Decile(1, 1, 3000, 3000, 3000), d.get(0));
        assertEquals(new Deciles.Decile(9, 1, 50, 50, 50), d.get(7));
        // twenty members: two in each
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) twenty[i] = i + 1;
        List<Deciles.Decile> t = Deciles.of(twenty);
        assertEquals(10, t.size());
        assertEquals(new Deciles.Decile(1, 2, 19, 20, 39), t.get(0));
        assertEquals(new Deciles.Decile(10, 2, 1, 2, 3), t.get(9));
        assertEquals(List.of(), Deciles.of(new long[0]));
    }

    @Test
    void ranksShareTiesAndPutTheUnknownLast() {
        int[] ranks = Ranking.ranks(Arrays.asList(BigDecimal.TEN, new BigDecimal("20"), new BigDecimal("20.00"), null,
            BigDecimal.ONE));
        assertArrayEquals(new int[] {3, 1, 1, 5, 4}, ranks);
    }

    @Test
    void rollingRetentionCountsMembersStillBuyingInEachLaterPeriod() {
        ClubCalendar gregorian = ClubCalendar.of("gregorian", "UTC");
        List<Period> months = gregorian.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), Bucket.MONTH);
        Retention retention = new Retention(months, 2);
        retention.add(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 10));  // January, last seen in March
        retention.add(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 25)); // January, only in January
        retention.add(LocalDate.of(2026, 1, 30), null);                      // January, never bought
        retention.add(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 4, 1));   // February, still in April
        retention.add(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));   // March: no cohort
        assertEquals(3, retention.size(0));
        assertArrayEquals(new long[] {2, 1, 1, 0}, retention.retained(0));
        assertEquals(1, retention.size(1));
        assertArrayEquals(new long[] {1, 1, 1}, retention.retained(1));
    }
}

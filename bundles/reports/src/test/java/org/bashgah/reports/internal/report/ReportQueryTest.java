package org.bashgah.reports.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bashgah.core.api.BashgahException;
import org.bashgah.core.api.FieldError;
import org.bashgah.core.api.Organisation;
import org.bashgah.reports.internal.calendar.Bucket;
import org.junit.jupiter.api.Test;

class ReportQueryTest {
    private static final Organisation ORG = new Organisation("o", "main", "Chain", "IRR", "Asia/Tehran", "persian");
    /** 2026-04-10 12:00 in Tehran: 1405-01-21. */
    private static final Instant NOW = Instant.parse("2026-04-10T08:30:00Z");
    private static final ReportQuery.Limits LIMITS = new ReportQuery.Limits(30, 1000);

    private static ReportQuery read(Report report, Map<String, List<String>> params) {
        return ReportQuery.read(report, report.parameters(), params, ORG, null, NOW, LIMITS);
    }

    private static List<String> fields(Runnable r) {
        var e = assertThrows(BashgahException.Invalid.class, r::run);
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aSeriesCoversTheLastThirtyDaysByDayUnlessAsked() {
        ReportQuery q = read(Report.SALES, Map.of());
        assertEquals(LocalDate.of(2026, 4, 10), q.to());
        assertEquals(LocalDate.of(2026, 3, 12), q.from());
        assertEquals(Bucket.DAY, q.bucket());
        assertEquals("json", q.format());
    }

    @Test
    void jalaliDatesAreTakenForAPersianCalendar() {
        ReportQuery q = read(Report.NEW_MEMBERS, Map.of("from", List.of("1405-01-01"), "to", List.of("1405-01-31"),
            "bucket", List.of("week")));
        assertEquals(LocalDate.of(2026, 3, 21), q.from());
        assertEquals(LocalDate.of(2026, 4, 20), q.to());
        assertEquals(Bucket.WEEK, q.bucket());
    }

    @Test
    void retentionFollowsTwelveMonthlyCohortsByDefault() {
        ReportQuery q = read(Report.RETENTION, Map.of());
        assertEquals(Bucket.MONTH, q.bucket());
        // today is in Farvardin 1405; eleven months before: Ordibehesht 1404, which began on 2025-04-21
        assertEquals(LocalDate.of(2025, 4, 21), q.from());
    }

    @Test
    void aSnapshotKeepsFromAndToAsGivenForTheMembersWhoJoinedThen() {
        ReportQuery q = read(Report.RFM, Map.of());
        assertEquals(null, q.from());
        assertTrue(q.joinedWithin(LocalDate.of(2001, 1, 1)));
        ReportQuery since = read(Report.RFM, Map.of("from", List.of("2026-01-01")));
        assertTrue(!since.joinedWithin(LocalDate.of(2025, 12, 31)));
        assertTrue(since.joinedWithin(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aMemberListIsNotCutIntoBucketsSoAnyRangeWillDo() {
        Report r = Report.NEW_MEMBERS;
        ReportQuery q = ReportQuery.read(r, r.memberParameters(), Map.of("from", List.of("2020-01-01")), ORG, null,
            NOW, LIMITS);
        assertEquals(LocalDate.of(2020, 1, 1), q.from());
        assertEquals(List.of("bucket"), fields(() -> read(r, Map.of("from", List.of("2020-01-01")))));
    }

    @Test
    void badParametersAreNamed() {
        assertEquals(List.of("brnch"), fields(() -> read(Report.SALES, Map.of("brnch", List.of("x")))));
        assertEquals(List.of("bucket"), fields(() -> read(Report.SALES, Map.of("bucket", List.of("year")))));
        assertEquals(List.of("from"), fields(() -> read(Report.SALES, Map.of("from", List.of("1405-13-01")))));
        assertEquals(List.of("to"), fields(() -> read(Report.SALES, Map.of("from", List.of("2026-03-01"),
            "to", List.of("2026-02-01")))));
        assertEquals(List.of("bucket"), fields(() -> read(Report.SALES, Map.of("from", List.of("2020-01-01")))));
        assertEquals(List.of("days"), fields(() -> read(Report.CHURN, Map.of("days", List.of("abc")))));
        assertEquals(List.of("format"), fields(() -> read(Report.CHURN, Map.of("format", List.of("pdf")))));
        assertEquals(List.of("from"), fields(() -> read(Report.CREDIT_LIABILITY, Map.of("from", List.of("2026-01-01")))));
        Report rfm = Report.RFM;
        assertEquals(List.of("segment", "r"), fields(() -> ReportQuery.read(rfm, rfm.memberParameters(),
            Map.of("segment", List.of("heroes"), "r", List.of("6")), ORG, null, NOW, LIMITS)).stream().sorted(
                (a, b) -> a.equals("segment") ? -1 : 1).toList());
    }
}

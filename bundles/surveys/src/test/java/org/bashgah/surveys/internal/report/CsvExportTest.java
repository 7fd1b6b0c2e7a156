package org.bashgah.surveys.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(CsvExport.BOM), "a byte-order mark, for spreadsheets");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void freeTextWithCommasQuotesNewlinesAndPersianRoundTrips() throws IOException {
        String said = "خیلی خوب بود، ولی \"صف\" طولانی بود\nهمین";
        byte[] csv = CsvExport.texts(List.of(new SurveyReports.TextAnswer(1, 2, 3, "comment", 4, "north", "op-1",
            Instant.parse("2026-11-23T10:00:00Z"), said)));
        List<CSVRecord> rows = parse(csv);
        assertEquals(1, rows.size());
        assertEquals(said, rows.get(0).get("text"));
        assertEquals("2026-11-23T10:00:00Z", rows.get(0).get("answeredAt"));
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsDefused() throws IOException {
        byte[] csv = CsvExport.texts(List.of(new SurveyReports.TextAnswer(1, 2, 3, "comment", 4, "north", "op-1",
            Instant.parse("2026-11-23T10:00:00Z"), "=HYPERLINK(\"http://x\")")));
        assertEquals("'=HYPERLINK(\"http://x\")", parse(csv).get(0).get("text"));
        assertEquals("'-1", CsvExport.text("-1"));
        assertEquals("'@SUM(A1)", CsvExport.text("@SUM(A1)"));
        assertEquals("fine", CsvExport.text("fine"));
    }

    @Test
    void aSummaryHasAHeaderARowPerKeyAndTheTotalLast() throws IOException {
        SurveyReports.Row north = new SurveyReports.Row("north", "North", 4L, 3L, new BigDecimal("75.0"), 3,
            new BigDecimal("66.7"), new BigDecimal("3.67"), 3, 1, 1, 1, new BigDecimal("0.0"));
        SurveyReports.Row total = new SurveyReports.Row("total", "total", 4L, 3L, new BigDecimal("75.0"), 3,
            new BigDecimal("66.7"), new BigDecimal("3.67"), 0, 0, 0, 0, null);
        byte[] csv = CsvExport.summary(new SurveyReports.Summary(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            "branch", null, null, total, List.of(north)));
        List<CSVRecord> rows = parse(csv);
        assertEquals(2, rows.size());
        assertEquals("north", rows.get(0).get("branch"));
        assertEquals("75.0", rows.get(0).get("responseRate"));
        assertEquals("0.0", rows.get(0).get("nps"));
        assertEquals("total", rows.get(1).get("branch"));
        assertEquals("", rows.get(1).get("nps"), "no score is an empty cell");
    }
}

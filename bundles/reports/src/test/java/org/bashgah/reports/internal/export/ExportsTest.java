package org.bashgah.reports.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bashgah.reports.internal.report.Table;
import org.junit.jupiter.api.Test;

class ExportsTest {
    private static final Table TABLE = new Table("segments", List.of("segment", "name", "members", "percent"),
        List.of(List.of("champions", "قهرمانان, \"وفادار\"", 12L, new BigDecimal("66.66")),
            java.util.Arrays.asList("lost", null, 0L, null)));

    @Test
    void csvStartsWithAByteOrderMarkAndKeepsPersianTextAndQuotes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.csv(TABLE, out);
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertEquals(3, rows.size());
        assertEquals("قهرمانان, \"وفادار\"", rows.get(1).get(1));
        assertEquals("66.66", rows.get(1).get(3));
        assertEquals("", rows.get(2).get(1));
        assertTrue(text.contains("\r\n"));
    }

    @Test
    void xlsxHoldsEveryTableAsASheetWithPersianTextAndNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.xlsx(List.of(TABLE, new Table("grid", List.of("r"), List.of(List.of(5)))), out);
        var sheets = Xlsx.read(out.toByteArray());
        assertEquals(List.of("segments", "grid"), List.copyOf(sheets.keySet()));
        var rows = sheets.get("segments");
        assertEquals(List.of("segment", "name", "members", "percent"), rows.get(0));
        assertEquals(List.of("champions", "قهرمانان, \"وفادار\"", "12", "66.66"), rows.get(1));
        assertEquals(List.of("lost", "", "0"), rows.get(2));
        assertEquals(List.of("5"), sheets.get("grid").get(1));
    }

    @Test
    void aLongMemberListStreamsIntoOneSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.RowWriter w = Exports.xlsx(out, "members", List.of("id", "name"));
        for (int i = 0; i < 2500; i++) w.row(List.of("m" + i, "عضو " + i));
        w.finish();
        var rows = Xlsx.read(out.toByteArray()).get("members");
        assertEquals(2501, rows.size());
        assertEquals(List.of("m2499", "عضو 2499"), rows.get(2500));
    }
}

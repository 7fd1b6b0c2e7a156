package org.bashgah.surveys.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports as CSV (RFC 4180 quoting by Apache Commons CSV), UTF-8 with a byte-order mark so spreadsheet programs
 * read Persian right. A text cell that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage
 * return first) gets a leading apostrophe: an answer a member dictated must never run in a manager's spreadsheet.
 */
public final class CsvExport {
    static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    public static byte[] summary(SurveyReports.Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        for (SurveyReports.Row r : s.rows()) rows.add(cells(r));
        rows.add(cells(s.total()));
        return write(List.of(s.by(), "label", "calls", "completed", "responseRate", "scaleAnswers", "csat",
            "averageScale", "npsAnswers", "promoters", "passives", "detractors", "nps"), rows);
    }

    public static byte[] distributions(List<SurveyReports.Distribution> distributions, String lang) {
        List<List<Object>> rows = new ArrayList<>();
        for (SurveyReports.Distribution d : distributions) {
            for (Map.Entry<String, Long> e : d.counts().entrySet()) {
                rows.add(List.of(d.questionnaire(), text(d.question()), d.kind(),
                    text(d.text() == null ? "" : d.text().in(lang)), text(e.getKey()), e.getValue(), d.answers()));
            }
        }
        return write(List.of("questionnaire", "question", "kind", "text", "answer", "count", "answers"), rows);
    }

    public static byte[] texts(List<SurveyReports.TextAnswer> texts) {
        List<List<Object>> rows = new ArrayList<>();
        for (SurveyReports.TextAnswer t : texts) {
            rows.add(List.of(t.answer(), t.response(), t.questionnaire(), text(t.question()), t.campaign(),
                text(t.branch()), text(t.operator()), t.answeredAt().toString(), text(t.text())));
        }
        return write(List.of("answer", "response", "questionnaire", "question", "campaign", "branch", "operator",
            "answeredAt", "text"), rows);
    }

    /** A text cell, defused when a spreadsheet would read it as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
            ? "'" + value : value;
    }

    private static List<Object> cells(SurveyReports.Row r) {
        List<Object> cells = new ArrayList<>();
        cells.add(text(r.key()));
        cells.add(text(r.label()));
        cells.add(r.calls());
        cells.add(r.completed());
        cells.add(r.responseRate());
        cells.add(r.scaleAnswers());
        cells.add(r.csat());
        cells.add(r.averageScale());
        cells.add(r.npsAnswers());
        cells.add(r.promoters());
        cells.add(r.passives());
        cells.add(r.detractors());
        cells.add(r.nps());
        return cells;
    }

    private static byte[] write(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write(BOM);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0]))
                .setNullString("").get();
            try (CSVPrinter printer = new CSVPrinter(out, format)) {
                for (List<Object> row : rows) printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return bytes.toByteArray();
    }
}

package org.bashgah.reports.internal.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bashgah.reports.internal.report.Table;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Reports as files, written as they are produced (nothing is held whole in memory): CSV (Apache Commons CSV; UTF-8
 * with a byte order mark, so spreadsheet programs read Persian text as Persian; CRLF line ends) and XLSX (fastexcel,
 * text as inline strings so a long member list keeps no string table in memory).
 */
public final class Exports {
    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_ROWS = 1000;

    private Exports() {
    }

    /** Rows of one table, written as they come. */
    public interface RowWriter {
        void row(List<Object> values) throws IOException;

        /** Completes the file; the stream is left open for its owner to close. */
        void finish() throws IOException;
    }

    public static RowWriter csv(OutputStream out, List<String> columns) throws IOException {
        Writer writer = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(columns);
        return new RowWriter() {
            @Override
            public void row(List<Object> values) throws IOException {
                printer.printRecord(values);
            }

            @Override
            public void finish() throws IOException {
                printer.close(true);
            }
        };
    }

    public static RowWriter xlsx(OutputStream out, String sheet, List<String> columns) throws IOException {
        Workbook workbook = new Workbook(new NonClosing(out), "Bashgah", "1.0");
        Worksheet ws = workbook.newWorksheet(sheet);
        header(ws, columns);
        return new RowWriter() {
            private int row = 1;

            @Override
            public void row(List<Object> values) throws IOException {
                cells(ws, row++, values);
                if (row % FLUSH_ROWS == 0) ws.flush();
            }

            @Override
            public void finish() throws IOException {
                ws.finish();
                workbook.finish();
            }
        };
    }

    /** One table as CSV. */
    public static void csv(Table table, OutputStream out) throws IOException {
        RowWriter w = csv(out, table.columns());
        for (List<Object> row : table.rows()) w.row(row);
        w.finish();
    }

    /** Every table as a sheet of one workbook, in order. */
    public static void xlsx(List<Table> tables, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(new NonClosing(out), "Bashgah", "1.0");
        for (Table table : tables) {
            Worksheet ws = workbook.newWorksheet(table.name());
            header(ws, table.columns());
            int r = 1;
            for (List<Object> row : table.rows()) cells(ws, r++, row);
            ws.finish();
        }
        workbook.finish();
    }

    private static void header(Worksheet ws, List<String> columns) {
        for (int c = 0; c < columns.size(); c++) {
            ws.inlineString(0, c, columns.get(c));
            ws.style(0, c).bold().set();
        }
    }

    private static void cells(Worksheet ws, int r, List<Object> values) {
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v == null) continue;
            if (v instanceof Number n) ws.value(r, c, n);
            else ws.inlineString(r, c, v.toString());
        }
    }

    /** The container owns the response stream: the writers may close theirs, never it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package org.bashgah.reports.internal.report;

import java.util.List;

/**
 * A report as a table, for exports: a name (the XLSX sheet, {@code ?table=} for CSV), column names and rows of
 * numbers and text ({@code null} for no value).
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

    /** A report that can be exported: its tables, the main one first. */
    public interface Tabular {
        List<Table> tables();
    }
}

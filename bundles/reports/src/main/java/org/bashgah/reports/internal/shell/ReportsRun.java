package org.bashgah.reports.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.BashgahException;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.reports.internal.report.Report;
import org.bashgah.reports.internal.report.ReportQuery;
import org.bashgah.reports.internal.report.Reports;
import org.bashgah.reports.internal.report.Table;

@Command(scope = "bashgah", name = "report", description = "Runs a report for the whole organisation (or --branch) "
    + "and prints its tables, with how long it took")
@Service
public class ReportsRun implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Reports reports;

    @Argument(index = 0, name = "report", required = true, description = "new-members, sales, average-basket, "
        + "engagement, retention, purchase-interval, churn, clv, rfm, tiers, points, credit-liability, leaderboard")
    private String name;

    @Option(name = "--org", description = "organisation code (default: the first)")
    private String organisation;

    @Option(name = "--branch", description = "branch code (default: the whole organisation)")
    private String branch;

    @Option(name = "--from", description = "first day, yyyy-mm-dd (Gregorian, or Jalali for a Persian calendar)")
    private String from;

    @Option(name = "--to", description = "last day, included")
    private String to;

    @Option(name = "--bucket", description = "day, week or month")
    private String bucket;

    @Option(name = "--days", description = "churn window or expiring-soon days")
    private String days;

    @Override
    public Object execute() {
        Report report = Report.of(name);
        if (report == null) {
            System.out.println("No report " + name + "; there are: " + java.util.Arrays.stream(Report.values())
                .map(Report::code).toList());
            return null;
        }
        Organisation org = organisations.byCodeOrFirst(organisation);
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "branch", branch);
        put(params, "from", from);
        put(params, "to", to);
        put(params, "bucket", bucket);
        put(params, "days", days);
        long started = System.nanoTime();
        try {
            ReportQuery q = reports.query(org.id(), null, report, false, params);
            List<Table> tables = reports.run(q).tables();
            long ms = (System.nanoTime() - started) / 1_000_000;
            for (Table t : tables) print(t);
            System.out.printf("%s for %s%s: %d ms%n", report.code(), org.code(), branch == null ? "" : " " + branch, ms);
        } catch (BashgahException e) {
            System.out.println("Refused: " + e.getMessage());
        }
        return null;
    }

    private static void put(Map<String, List<String>> params, String key, String value) {
        if (value != null) params.put(key, List.of(value));
    }

    private static void print(Table table) {
        System.out.println("== " + table.name());
        List<String> header = table.columns();
        int[] width = new int[header.size()];
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (List<Object> row : table.rows()) cells.add(row.stream().map(v -> v == null ? "" : v.toString()).toList());
        for (List<String> row : cells) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) line.append(String.format("%-" + width[i] + "s  ", row.get(i)));
            System.out.println(line.toString().stripTrailing());
        }
    }
}

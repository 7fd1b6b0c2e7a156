package org.bashgah.surveys.internal.shell;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.surveys.internal.report.SurveyReports;

/** {@code bashgah:surveys-report}: response rate, CSAT and NPS by branch, operator, campaign, question or day. */
@Command(scope = "bashgah", name = "surveys-report", description = "Shows response rate, CSAT and NPS of the surveys")
@Service
public class SurveysReport implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private SurveyReports reports;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Option(name = "--by", description = "branch (default), operator, campaign, question or day")
    private String by = "branch";

    @Option(name = "--from", description = "first day (default: 29 days before --to)")
    private String from;

    @Option(name = "--to", description = "last day (default: today)")
    private String to;

    @Override
    public Object execute() {
        if (!SurveyReports.BY.contains(by)) throw new IllegalArgumentException("--by must be one of " + SurveyReports.BY);
        Organisation org = organisations.byCodeOrFirst(organisation);
        LocalDate last = to == null ? LocalDate.now(ZoneId.of(org.timeZone())) : LocalDate.parse(to);
        LocalDate first = from == null ? last.minusDays(29) : LocalDate.parse(from);
        SurveyReports.Summary s = reports.summary(new SurveyReports.Filter(org.id(), first, last, null, null), by, "fa");
        System.out.printf("Surveys of %s, %s to %s, by %s%n", org.code(), first, last, by);
        System.out.printf("%-30s %7s %9s %8s %7s %7s %8s %7s%n", by, "calls", "completed", "rate %", "csat %", "avg",
            "nps n", "nps");
        for (SurveyReports.Row r : s.rows()) print(r);
        print(s.total());
        return null;
    }

    private static void print(SurveyReports.Row r) {
        System.out.printf("%-30s %7s %9s %8s %7s %7s %8d %7s%n", abbreviate(r.label()), blank(r.calls()),
            blank(r.completed()), blank(r.responseRate()), blank(r.csat()), blank(r.averageScale()), r.npsAnswers(),
            blank(r.nps()));
    }

    private static String blank(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 30 ? s : s.substring(0, 29) + "…";
    }
}

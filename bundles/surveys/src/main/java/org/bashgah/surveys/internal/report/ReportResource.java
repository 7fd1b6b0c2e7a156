package org.bashgah.surveys.internal.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.Scope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/surveys/reports}: the summary by branch (comparing the branches), operator, campaign, question
 * or day; answer distributions; free-text answers; and each as CSV ({@code /export?report=...}). Chain admins
 * and branch managers (their branch's). The period is {@code from}–{@code to}, days of the organisation, both
 * included; by default the last 30 days.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    static final long MAX_DAYS = 3660;
    static final List<String> REPORTS = List.of("summary", "distribution", "texts");

    private final SurveyReports reports;
    private final OrganisationService organisations;

    @Activate
    public ReportResource(@Reference SurveyReports reports, @Reference OrganisationService organisations) {
        this.reports = reports;
        this.organisations = organisations;
    }

    @GET
    public SurveyReports.Summary summary(@QueryParam("by") String by, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("branch") String branch,
                                         @QueryParam("campaign") String campaign, @QueryParam("lang") String lang,
                                         @Context SecurityContext security) {
        Validation v = new Validation();
        SurveyReports.Filter f = filter(v, security, from, to, branch, campaign);
        String grouping = by(v, by);
        String language = lang(v, lang);
        v.throwIfInvalid();
        return reports.summary(f, grouping, language);
    }

    @GET
    @Path("distribution")
    public List<SurveyReports.Distribution> distribution(@QueryParam("questionnaire") String questionnaire,
                                                         @QueryParam("question") String question,
                                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                                         @QueryParam("branch") String branch,
                                                         @QueryParam("campaign") String campaign,
                                                         @Context SecurityContext security) {
        Validation v = new Validation().code("question", question);
        SurveyReports.Filter f = filter(v, security, from, to, branch, campaign);
        Long questionnaireId = Scope.id(v, "questionnaire", questionnaire);
        v.throwIfInvalid();
        return reports.distributions(f, questionnaireId, question);
    }

    @GET
    @Path("texts")
    public List<SurveyReports.TextAnswer> texts(@QueryParam("questionnaire") String questionnaire,
                                                @QueryParam("question") String question,
                                                @QueryParam("from") String from, @QueryParam("to") String to,
                                                @QueryParam("branch") String branch,
                                                @QueryParam("campaign") String campaign,
                                                @QueryParam("limit") String limit, @QueryParam("before") String before,
                                                @Context SecurityContext security) {
        Validation v = new Validation().code("question", question);
        SurveyReports.Filter f = filter(v, security, from, to, branch, campaign);
        Long questionnaireId = Scope.id(v, "questionnaire", questionnaire);
        int max = (int) v.number("limit", limit, 100, 1, 1000);
        long beforeId = v.number("before", before, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        return reports.texts(f, questionnaireId, question, beforeId, max);
    }

    /** A report as a CSV file: {@code report} summary (with {@code by}), distribution or texts (up to 5,000). */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("report") String report, @QueryParam("by") String by,
                           @QueryParam("questionnaire") String questionnaire, @QueryParam("question") String question,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("branch") String branch, @QueryParam("campaign") String campaign,
                           @QueryParam("lang") String lang, @Context SecurityContext security) {
        Validation v = new Validation().code("question", question)
            .check(report == null || REPORTS.contains(report), "report", "must be one of " + REPORTS);
        SurveyReports.Filter f = filter(v, security, from, to, branch, campaign);
        Long questionnaireId = Scope.id(v, "questionnaire", questionnaire);
        String grouping = by(v, by);
        String language = lang(v, lang);
        v.throwIfInvalid();
        String kind = report == null ? "summary" : report;
        byte[] csv = switch (kind) {
            case "distribution" -> CsvExport.distributions(reports.distributions(f, questionnaireId, question), language);
            case "texts" -> CsvExport.texts(reports.texts(f, questionnaireId, question, 0, 5000));
            default -> CsvExport.summary(reports.summary(f, grouping, language));
        };
        String name = "surveys-" + kind + (kind.equals("summary") ? "-by-" + grouping : "") + "-" + f.from() + "-"
            + f.to() + ".csv";
        return Response.ok(csv, "text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The language of the labels: the caller's ({@code fa} or {@code en}); Persian, the chain's, by default. */
    private static String lang(Validation v, String lang) {
        v.check(lang == null || lang.equals("fa") || lang.equals("en"), "lang", "must be fa or en");
        return lang == null ? "fa" : lang;
    }

    private SurveyReports.Filter filter(Validation v, SecurityContext security, String from, String to, String branch,
                                        String campaign) {
        Caller caller = Scope.managers((Caller) security.getUserPrincipal());
        v.code("branch", branch);
        Long campaignId = Scope.id(v, "campaign", campaign);
        ZoneId zone = organisations.find(caller.organisationId()).map(Organisation::timeZone).map(ZoneId::of)
            .orElse(ZoneOffset.UTC);
        LocalDate last = date(v, "to", to, LocalDate.now(zone));
        LocalDate first = date(v, "from", from, last.minusDays(29));
        v.check(!first.isAfter(last), "from", "must not be after to")
            .check(ChronoUnit.DAYS.between(first, last) < MAX_DAYS, "from", "must be at most " + MAX_DAYS + " days before to");
        String scoped = v.ok() ? Scope.branch(caller, branch) : null;
        return new SurveyReports.Filter(caller.organisationId(), first, last, scoped, campaignId);
    }

    private static String by(Validation v, String by) {
        v.check(by == null || SurveyReports.BY.contains(by), "by", "must be one of " + SurveyReports.BY);
        return by == null || !SurveyReports.BY.contains(by) ? "branch" : by;
    }

    private static LocalDate date(Validation v, String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "must be a date, e.g. 2026-11-23");
            return fallback;
        }
    }
}

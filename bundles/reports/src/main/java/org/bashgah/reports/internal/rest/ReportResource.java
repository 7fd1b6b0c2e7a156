package org.bashgah.reports.internal.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.reports.internal.export.Exports;
import org.bashgah.reports.internal.report.Report;
import org.bashgah.reports.internal.report.ReportQuery;
import org.bashgah.reports.internal.report.Reports;
import org.bashgah.reports.internal.report.Results.MemberLine;
import org.bashgah.reports.internal.report.Table;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/reports}: every report by name, with {@code ?branch=&from=&to=&bucket=} and
 * {@code ?format=json|csv|xlsx}, and the member list of each report that yields members. Numbers for chain admins,
 * branch managers and operators (branch-bound: their own branch's); member lists for chain admins and branch
 * managers. docs/reports.md defines every report.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, ReportResource.CSV, Exports.XLSX})
public class ReportResource {
    static final String CSV = "text/csv";

    private final Reports reports;

    @Activate
    public ReportResource(@Reference Reports reports) {
        this.reports = reports;
    }

    /** One report of the catalogue: what it is called, what it is, and what it takes. */
    public record ReportInfo(String name, String title, String kind, boolean yieldsMembers, List<String> parameters,
                             List<String> memberParameters) {
    }

    @GET
    public List<ReportInfo> catalogue(@Context SecurityContext security) {
        caller(security).requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR);
        return Arrays.stream(Report.values()).map(r -> new ReportInfo(r.code(), r.title(),
            r.kind().name().toLowerCase(java.util.Locale.ROOT), r.yieldsMembers(), List.copyOf(r.parameters()),
            r.yieldsMembers() ? List.copyOf(r.memberParameters()) : List.of())).toList();
    }

    @GET
    @Path("new-members")
    public Response newMembers(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.NEW_MEMBERS, uri, security);
    }

    @GET
    @Path("sales")
    public Response sales(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.SALES, uri, security);
    }

    @GET
    @Path("average-basket")
    public Response averageBasket(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.AVERAGE_BASKET, uri, security);
    }

    @GET
    @Path("engagement")
    public Response engagement(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.ENGAGEMENT, uri, security);
    }

    @GET
    @Path("retention")
    public Response retention(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.RETENTION, uri, security);
    }

    @GET
    @Path("purchase-interval")
    public Response purchaseInterval(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.PURCHASE_INTERVAL, uri, security);
    }

    @GET
    @Path("churn")
    public Response churn(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.CHURN, uri, security);
    }

    @GET
    @Path("clv")
    public Response clv(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.CLV, uri, security);
    }

    @GET
    @Path("rfm")
    public Response rfm(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.RFM, uri, security);
    }

    @GET
    @Path("tiers")
    public Response tiers(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.TIERS, uri, security);
    }

    @GET
    @Path("points")
    public Response points(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.POINTS, uri, security);
    }

    @GET
    @Path("credit-liability")
    public Response creditLiability(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.CREDIT_LIABILITY, uri, security);
    }

    @GET
    @Path("leaderboard")
    public Response leaderboard(@Context UriInfo uri, @Context SecurityContext security) {
        return report(Report.LEADERBOARD, uri, security);
    }

    /**
     * The members a report yields (new-members, churn, rfm, tiers, points, clv, purchase-interval): a page in the
     * report's order as JSON, or every one of them (in id order, streamed) as CSV or XLSX.
     */
    @GET
    @Path("{report}/members")
    public Response members(@PathParam("report") String name, @Context UriInfo uri, @Context SecurityContext security) {
        Report report = Report.of(name);
        if (report == null || !report.yieldsMembers()) throw new NotFound("no report " + name + " that lists members");
        ReportQuery q = reports.query(caller(security), report, true, parameters(uri));
        reports.checkSelection(q);
        if (q.format().equals("json")) return Response.ok(reports.members(q), MediaType.APPLICATION_JSON).build();
        java.time.ZoneId zone = q.calendar().zone();
        StreamingOutput body = out -> {
            Exports.RowWriter writer = q.format().equals("csv") ? Exports.csv(out, MemberLine.COLUMNS)
                : Exports.xlsx(out, "members", MemberLine.COLUMNS);
            try {
                reports.forEachMember(q, line -> {
                    try {
                        writer.row(line.cells(zone));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.finish();
        };
        return file(q, report.code() + "-members", body);
    }

    private Response report(Report report, UriInfo uri, SecurityContext security) {
        ReportQuery q = reports.query(caller(security), report, false, parameters(uri));
        Table.Tabular result = reports.run(q);
        if (q.format().equals("json")) {
            new Validation().check(q.table() == null, "table", "is for format=csv or xlsx").throwIfInvalid();
            return Response.ok(result, MediaType.APPLICATION_JSON).build();
        }
        List<Table> tables = result.tables();
        if (q.table() != null) {
            tables = tables.stream().filter(t -> t.name().equals(q.table())).toList();
            new Validation().check(!tables.isEmpty(), "table", "must be one of " + result.tables().stream()
                .map(Table::name).toList()).throwIfInvalid();
        }
        List<Table> chosen = tables;
        StreamingOutput body = q.format().equals("csv") ? out -> Exports.csv(chosen.get(0), out)
            : out -> Exports.xlsx(chosen, out);
        return file(q, report.code() + (q.table() == null ? "" : "-" + q.table()), body);
    }

    /** A download: {@code rfm-1405-01-07.csv}, named by the report and today in the organisation's calendar. */
    private static Response file(ReportQuery q, String name, StreamingOutput body) {
        boolean csv = q.format().equals("csv");
        String filename = name + "-" + q.calendar().label(q.today()) + (csv ? ".csv" : ".xlsx");
        return Response.ok(body, csv ? Exports.CSV : Exports.XLSX)
            .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    static Map<String, List<String>> parameters(UriInfo uri) {
        return new LinkedHashMap<>(uri.getQueryParameters());
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}

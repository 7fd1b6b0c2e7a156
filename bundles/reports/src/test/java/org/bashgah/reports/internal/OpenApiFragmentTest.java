package org.bashgah.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bashgah.core.testing.OpenApiFragmentContract;
import org.bashgah.reports.api.Segment;
import org.bashgah.reports.internal.report.Report;
import org.bashgah.reports.internal.report.Results;
import org.bashgah.reports.internal.rest.ReportResource;
import org.bashgah.reports.internal.rest.SegmentResource;
import org.bashgah.reports.internal.segment.SavedSegments;
import org.junit.jupiter.api.Test;

/**
 * The reports bundle's hand-written OpenAPI fragment is true to its resources and fits core's document, and the
 * query parameters it names for each report are the ones the report takes.
 */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    OpenApiFragmentTest() {
        super(List.of("openapi/reports.json"), ReportResource.class, "Reports");
    }

    @Override
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.ofEntries(
            Map.entry("ReportsInfo", ReportResource.ReportInfo.class),
            Map.entry("ReportsAccountLiability", Results.AccountLiability.class),
            Map.entry("ReportsAverageBasket", Results.AverageBasket.class),
            Map.entry("ReportsBand", Results.Band.class),
            Map.entry("ReportsBasketPeriod", Results.BasketPeriod.class),
            Map.entry("ReportsBranchLiability", Results.BranchLiability.class),
            Map.entry("ReportsChurn", Results.Churn.class),
            Map.entry("ReportsClv", Results.Clv.class),
            Map.entry("ReportsCohort", Results.Cohort.class),
            Map.entry("ReportsCreditLiability", Results.CreditLiability.class),
            Map.entry("ReportsDecile", Results.Decile.class),
            Map.entry("ReportsEngagedPeriod", Results.EngagedPeriod.class),
            Map.entry("ReportsEngagement", Results.Engagement.class),
            Map.entry("ReportsGridCell", Results.GridCell.class),
            Map.entry("ReportsJoinedPeriod", Results.JoinedPeriod.class),
            Map.entry("ReportsLeaderboard", Results.Leaderboard.class),
            Map.entry("ReportsMemberLine", Results.MemberLine.class),
            Map.entry("ReportsMemberPage", Results.MemberPage.class),
            Map.entry("ReportsNewMembers", Results.NewMembers.class),
            Map.entry("ReportsPoints", Results.Points.class),
            Map.entry("ReportsPurchaseInterval", Results.PurchaseInterval.class),
            Map.entry("ReportsRetained", Results.Retained.class),
            Map.entry("ReportsRetention", Results.Retention.class),
            Map.entry("ReportsRfm", Results.Rfm.class),
            Map.entry("ReportsSales", Results.Sales.class),
            Map.entry("ReportsSalesPeriod", Results.SalesPeriod.class),
            Map.entry("ReportsScope", Results.Scope.class),
            Map.entry("ReportsScoreRange", Results.ScoreRange.class),
            Map.entry("ReportsSegmentCount", Results.SegmentCount.class),
            Map.entry("ReportsStanding", Results.Standing.class),
            Map.entry("ReportsTierCount", Results.TierCount.class),
            Map.entry("ReportsTiers", Results.Tiers.class),
            Map.entry("ReportsSegment", Segment.class),
            Map.entry("ReportsSegmentMember", SegmentResource.SegmentMember.class),
            Map.entry("ReportsSegmentMembers", SegmentResource.SegmentMembers.class),
            Map.entry("ReportsSegmentRequest", SavedSegments.SegmentRequest.class));
    }

    @Override
    protected boolean everySchemaHasItsRecord() {
        return true;
    }

    @Test
    void everyReportIsDocumentedWithTheParametersItTakes() {
        JsonNode fragment = fragment("openapi/reports.json");
        for (Report report : Report.values()) {
            JsonNode op = fragment.path("paths").path("/api/v1/reports/" + report.code()).path("get");
            assertTrue(!op.isMissingNode(), report.code());
            Set<String> documented = new TreeSet<>();
            for (JsonNode p : op.path("parameters")) documented.add(resolve(p.path("$ref").asText()).path("name").asText());
            assertEquals(new TreeSet<>(report.parameters()), documented, report.code());
        }
        Set<String> memberParameters = new TreeSet<>();
        for (Report r : Report.values()) memberParameters.addAll(r.memberParameters());
        Set<String> documented = new TreeSet<>();
        for (JsonNode p : fragment.path("paths").path("/api/v1/reports/{report}/members").path("get").path("parameters")) {
            JsonNode resolved = p.has("$ref") ? resolve(p.path("$ref").asText()) : p;
            if (resolved.path("in").asText().equals("query")) documented.add(resolved.path("name").asText());
        }
        assertEquals(memberParameters, documented);
    }
}

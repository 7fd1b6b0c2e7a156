package org.bashgah.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bashgah.core.testing.OpenApiFragmentContract;
import org.bashgah.reports.internal.report.Report;
import org.bashgah.reports.internal.rest.ReportResource;
import org.junit.jupiter.api.Test;

/**
 * The reports bundle's hand-written OpenAPI fragment is true to its resources and fits core's document, and the
 * query parameters it names for each report are the ones the report takes.
 */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    OpenApiFragmentTest() {
        super(List.of("openapi/reports.json"), ReportResource.class, "Reports");
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

package org.bashgah.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import org.bashgah.reports.internal.report.Report;
import org.bashgah.reports.internal.rest.ReportResource;
import org.bashgah.reports.internal.rest.SegmentResource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code openapi/reports.json} (merged into core's document at runtime) documents exactly the
 * operations of the reports' resources, every {@code $ref} in it resolves against core's document and its own
 * components, its component names are prefixed, and the query parameters it names for each report are the ones the
 * report takes.
 */
class OpenApiFragmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theFragmentDocumentsEveryOperationOfTheResourcesAndNoOther() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (Class<?> resource : List.of(ReportResource.class, SegmentResource.class)) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = null;
                for (var a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) verb = http.value().toLowerCase();
                }
                if (verb == null) continue;
                Path sub = m.getAnnotation(Path.class);
                inCode.add(verb + " " + root + (sub == null ? "" : "/" + sub.value()));
            }
        }
        Set<String> inDocument = new TreeSet<>();
        JsonNode paths = read("/openapi/reports.json").path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            path.getValue().fieldNames().forEachRemaining(verb -> inDocument.add(verb + " " + path.getKey()));
        }
        assertEquals(inCode, inDocument);
    }

    @Test
    void everyReportIsDocumentedWithTheParametersItTakes() throws IOException {
        JsonNode fragment = read("/openapi/reports.json");
        for (Report report : Report.values()) {
            JsonNode op = fragment.path("paths").path("/api/v1/reports/" + report.code()).path("get");
            assertTrue(!op.isMissingNode(), report.code());
            Set<String> documented = new TreeSet<>();
            for (JsonNode p : op.path("parameters")) documented.add(fragment.at(p.path("$ref").asText().substring(1))
                .path("name").asText());
            assertEquals(new TreeSet<>(report.parameters()), documented, report.code());
        }
        Set<String> memberParameters = new TreeSet<>();
        for (Report r : Report.values()) memberParameters.addAll(r.memberParameters());
        Set<String> documented = new TreeSet<>();
        for (JsonNode p : fragment.path("paths").path("/api/v1/reports/{report}/members").path("get").path("parameters")) {
            JsonNode resolved = p.has("$ref") ? fragment.at(p.path("$ref").asText().substring(1)) : p;
            if (resolved.path("in").asText().equals("query")) documented.add(resolved.path("name").asText());
        }
        assertEquals(memberParameters, documented);
    }

    @Test
    void everyReferenceResolvesAndNoCoreComponentIsReplaced() throws IOException {
        JsonNode fragment = read("/openapi/reports.json");
        JsonNode core = read("/openapi/core.json");
        List<String> refs = new ArrayList<>();
        collect(fragment, refs);
        assertTrue(refs.size() > 10, "refs " + refs);
        for (String ref : refs) {
            String pointer = ref.substring(1);
            assertTrue(!fragment.at(pointer).isMissingNode() || !core.at(pointer).isMissingNode(), ref);
        }
        fragment.path("components").fields().forEachRemaining(section -> section.getValue().fieldNames()
            .forEachRemaining(name -> {
                assertTrue(name.startsWith("Reports"), name);
                assertTrue(core.path("components").path(section.getKey()).path(name).isMissingNode(), name);
            }));
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) refs.add(node.get("$ref").asText());
            node.elements().forEachRemaining(child -> collect(child, refs));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, refs));
        }
    }
}

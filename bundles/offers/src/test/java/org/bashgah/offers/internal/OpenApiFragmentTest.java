package org.bashgah.offers.internal;

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
import org.bashgah.offers.internal.offer.OfferResource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code openapi/offers.json} (merged into core's document at runtime) documents exactly the
 * operations of {@link OfferResource}, every {@code $ref} in it resolves against core's document and its own
 * components, and its component names are prefixed, so they replace nothing of core's.
 */
class OpenApiFragmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theFragmentDocumentsEveryOperationOfTheResourceAndNoOther() throws IOException {
        Set<String> inCode = new TreeSet<>();
        String root = OfferResource.class.getAnnotation(Path.class).value();
        for (Method m : OfferResource.class.getDeclaredMethods()) {
            String verb = null;
            for (var a : m.getAnnotations()) {
                HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) verb = http.value().toLowerCase();
            }
            if (verb == null) continue;
            Path sub = m.getAnnotation(Path.class);
            inCode.add(verb + " " + root + (sub == null ? "" : "/" + sub.value()));
        }
        Set<String> inDocument = new TreeSet<>();
        JsonNode paths = read("/openapi/offers.json").path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            path.getValue().fieldNames().forEachRemaining(verb -> inDocument.add(verb + " " + path.getKey()));
        }
        assertEquals(inCode, inDocument);
    }

    @Test
    void everyReferenceResolvesAndNoCoreComponentIsReplaced() throws IOException {
        JsonNode fragment = read("/openapi/offers.json");
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
                assertTrue(name.startsWith("Offers"), name);
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

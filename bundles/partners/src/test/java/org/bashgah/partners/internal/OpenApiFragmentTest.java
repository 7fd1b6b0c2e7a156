package org.bashgah.partners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code openapi/partners.json} (merged into core's document at runtime) documents exactly the
 * operations of the bundle's resources (every {@code *Resource} class compiled here, found on disk, so a resource
 * added later is checked too), every {@code $ref} resolves against core's document and its own components, and its
 * component names are prefixed, so they replace nothing of core's.
 */
class OpenApiFragmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAGMENT = "/openapi/partners.json";

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    private static List<Class<?>> resources() throws Exception {
        Path dir = Path.of(AgreementResource.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("org/bashgah/partners/internal");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (String name : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Resource.class"))
                    .collect(Collectors.toList())) {
                found.add(Class.forName("org.bashgah.partners.internal." + name.replace(".class", "")));
            }
        }
        return found;
    }

    @Test
    void theFragmentDocumentsEveryOperationOfTheResourcesAndNoOther() throws Exception {
        Set<String> inCode = new TreeSet<>();
        List<Class<?>> resources = resources();
        assertTrue(resources.size() >= 8, resources.toString());
        for (Class<?> resource : resources) {
            String root = resource.getAnnotation(javax.ws.rs.Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = null;
                for (var a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) verb = http.value().toLowerCase();
                }
                if (verb == null) continue;
                javax.ws.rs.Path sub = m.getAnnotation(javax.ws.rs.Path.class);
                inCode.add(verb + " " + root + (sub == null ? "" : "/" + sub.value()));
            }
        }
        Set<String> inDocument = new TreeSet<>();
        JsonNode paths = read(FRAGMENT).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            path.getValue().fieldNames().forEachRemaining(verb -> inDocument.add(verb + " " + path.getKey()));
        }
        assertEquals(inCode, inDocument);
    }

    @Test
    void everyReferenceResolvesAndNoCoreComponentIsReplaced() throws IOException {
        JsonNode fragment = read(FRAGMENT);
        JsonNode core = read("/openapi/core.json");
        List<String> refs = new ArrayList<>();
        collect(fragment, refs);
        assertTrue(refs.size() > 30, "refs " + refs);
        for (String ref : refs) {
            String pointer = ref.substring(1);
            assertTrue(!fragment.at(pointer).isMissingNode() || !core.at(pointer).isMissingNode(), ref);
        }
        fragment.path("components").fields().forEachRemaining(section -> section.getValue().fieldNames()
            .forEachRemaining(name -> {
                assertTrue(name.startsWith("Partners"), name);
                assertTrue(core.path("components").path(section.getKey()).path(name).isMissingNode(), name);
            }));
        core.path("paths").fieldNames().forEachRemaining(p -> assertTrue(fragment.path("paths").path(p).isMissingNode(), p));
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

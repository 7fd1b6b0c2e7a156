package org.bashgah.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * What every capability's hand-written OpenAPI fragments must keep true, checked by a test of the capability that
 * extends this class (core's test-jar). Core merges the fragments a bundle's {@code Bashgah-OpenAPI} header names
 * into its own document at runtime (their {@code paths}, {@code components} and {@code tags}: core's
 * {@code OpenApiResource}). Together they must document exactly the (HTTP method, path) pairs of every
 * {@code *Resource} class compiled into the bundle (found by scanning its classes, so a resource added later is
 * checked without touching the test); every {@code $ref} must resolve in the merged document; nothing may replace
 * a part of core's document or of another fragment; and each schema a record answers or takes must name exactly
 * the record's fields (JSON names a record's components).
 */
public abstract class OpenApiFragmentContract {
    /** Core's document, on a capability's test classpath through its provided dependency on bashgah-core. */
    private static final String CORE_DOCUMENT = "/openapi/core.json";

    /** The keys of an OpenAPI path item that are operations (the others are parameters, summary, ...). */
    private static final Set<String> OPENAPI_OPERATIONS =
        Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** {@code {name}} or {@code {name: regex}} in a JAX-RS or OpenAPI path. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

    private final List<String> fragmentNames;
    private final Class<?> aResource;
    private final String componentPrefix;
    private final Map<String, JsonNode> fragments = new LinkedHashMap<>();
    private final JsonNode core;

    /**
     * @param fragments       as the bundle's Bashgah-OpenAPI header names them (see bnd in the bundle's pom.xml)
     * @param aResource       one resource class of the bundle: where its classes are (its package tree,
     *                        {@code org.bashgah.<capability>}, is scanned), and proof that the scan finds resources
     * @param componentPrefix what every component name of the fragments starts with, so that none can meet one of
     *                        core's: "Credit"
     */
    protected OpenApiFragmentContract(List<String> fragments, Class<?> aResource, String componentPrefix) {
        this.fragmentNames = List.copyOf(fragments);
        this.aResource = aResource;
        this.componentPrefix = componentPrefix;
        for (String fragment : fragmentNames) this.fragments.put(fragment, read("/" + fragment));
        core = read(CORE_DOCUMENT);
    }

    /** Schema name to the record it describes, for the schemas that describe one; none unless a bundle says. */
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.of();
    }

    /** Whether {@link #recordsOfSchemas()} names every schema of the fragments (most bundles have some without). */
    protected boolean everySchemaHasItsRecord() {
        return false;
    }

    @Test
    void fragmentsAndResourcesHaveTheSameOperations() throws IOException, URISyntaxException {
        Set<String> inCode = operationsOfResources();
        Set<String> inFragments = new TreeSet<>();
        Map<String, String> documentedIn = new HashMap<>();
        fragments.forEach((name, fragment) -> operationsOf(fragment).forEach(operation -> {
            String earlier = documentedIn.putIfAbsent(operation, name);
            assertTrue(earlier == null, operation + " is documented in both " + earlier + " and " + name);
            inFragments.add(operation);
        }));

        Set<String> undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(inFragments);
        Set<String> unanswered = new TreeSet<>(inFragments);
        unanswered.removeAll(inCode);

        assertTrue(undocumented.isEmpty(), "resource operations missing from " + fragmentNames + ": " + undocumented);
        assertTrue(unanswered.isEmpty(), "operations in " + fragmentNames + " that no resource has: " + unanswered);
    }

    @Test
    void everyRefPointsToAComponentOfTheFragmentsOrOfCore() {
        List<String> dangling = new ArrayList<>();
        fragments.forEach((name, fragment) -> refsIn(fragment).forEach(ref -> {
            if (resolve(ref) == null) dangling.add(name + ": " + ref);
        }));

        assertTrue(dangling.isEmpty(), "$refs that the merged document cannot resolve: " + dangling);
    }

    /** The merge puts a fragment's entries over core's and the earlier fragments' of the same name. */
    @Test
    void noFragmentReplacesAComponentOfCoreOrOfAnotherFragment() {
        List<String> clashes = new ArrayList<>();
        Map<String, String> definedBy = new HashMap<>();
        fragments.forEach((name, fragment) -> fragment.path("components").properties().forEach(section ->
            section.getValue().fieldNames().forEachRemaining(component -> {
                String key = section.getKey() + "/" + component;
                if (!component.startsWith(componentPrefix)) {
                    clashes.add(name + " names " + key + " without the prefix " + componentPrefix);
                }
                if (core.path("components").path(section.getKey()).has(component)) {
                    clashes.add(name + " redefines core's " + key);
                }
                String earlier = definedBy.putIfAbsent(key, name);
                if (earlier != null) clashes.add(key + " is defined in both " + earlier + " and " + name);
            })));

        assertTrue(clashes.isEmpty(), "clashing components: " + clashes);
    }

    @Test
    void operationIdsAndTagNamesAreUniqueInTheMergedDocument() {
        List<String> operationIds = new ArrayList<>(operationIdsOf(core));
        List<String> tags = new ArrayList<>(tagNamesOf(core));
        fragments.values().forEach(fragment -> {
            operationIds.addAll(operationIdsOf(fragment));
            tags.addAll(tagNamesOf(fragment));
        });

        assertEquals(List.of(), duplicates(operationIds), "operationIds used twice");
        assertEquals(List.of(), duplicates(tags), "tags declared twice (the merge appends every fragment's tags)");
    }

    /**
     * Operations inherit core's security (bearer); one may say {@code "security": []} (no bearer token: a
     * server-to-server call that signs its requests) or name core's schemes, never a scheme core does not define.
     */
    @Test
    void everyOperationHasADeclaredTagAndCoresSecurity() {
        Set<String> declared = new TreeSet<>(tagNamesOf(core));
        fragments.values().forEach(fragment -> declared.addAll(tagNamesOf(fragment)));
        Set<String> schemes = new TreeSet<>();
        core.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        List<String> faults = new ArrayList<>();
        fragments.forEach((name, fragment) -> {
            if (fragment.has("security")) faults.add(name + " declares security for all its operations; core's applies");
            operationNodes(fragment).forEach((operation, node) -> {
                if (!node.path("tags").isArray() || node.path("tags").isEmpty()) faults.add(operation + " has no tag");
                node.path("tags").forEach(tag -> {
                    if (!declared.contains(tag.asText())) faults.add(operation + " has undeclared tag " + tag.asText());
                });
                node.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> {
                    if (!schemes.contains(scheme)) faults.add(operation + " names security scheme " + scheme + ", not core's");
                }));
                if (!node.path("responses").fieldNames().hasNext()) faults.add(operation + " has no responses");
            });
        });

        assertTrue(faults.isEmpty(), String.join("; ", faults));
    }

    @Test
    void everyPathTemplateIsADocumentedPathParameter() {
        List<String> faults = new ArrayList<>();
        fragments.values().forEach(fragment -> fragment.path("paths").properties().forEach(path -> {
            Set<String> templates = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(path.getKey());
            while (m.find()) templates.add(m.group(1));
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!OPENAPI_OPERATIONS.contains(entry.getKey())) continue;
                Set<String> parameters = new TreeSet<>(pathParameters(path.getValue()));
                parameters.addAll(pathParameters(entry.getValue()));
                if (!parameters.equals(templates)) {
                    faults.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " has path parameters "
                        + parameters + ", not " + templates);
                }
            }
        }));

        assertTrue(faults.isEmpty(), String.join("; ", faults));
    }

    @Test
    void schemasNameExactlyTheFieldsOfTheirRecords() {
        Map<String, Class<?>> records = recordsOfSchemas();
        if (everySchemaHasItsRecord()) {
            Set<String> schemas = new TreeSet<>();
            fragments.values().forEach(f -> f.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add));
            assertEquals(schemas, new TreeSet<>(records.keySet()), "every schema of the fragments has its record, and no other");
        }
        records.forEach((schema, record) -> {
            assertTrue(record.isRecord(), record.getName() + " is not a record");
            JsonNode node = resolve("#/components/schemas/" + schema);
            assertNotNull(node, "no schema " + schema);
            Set<String> documented = new TreeSet<>();
            node.path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(fields, documented, schema + " and " + record.getName());
        });
    }

    @Test
    void theFragmentsAreOfCoresOpenApiVersion() {
        fragments.forEach((name, fragment) -> assertEquals(core.path("openapi").asText(), fragment.path("openapi").asText(),
            name + " is not of core's OpenAPI version"));
    }

    @Test
    void theBundleManifestNamesEveryFragment() throws IOException, URISyntaxException {
        Path manifest = classesDirectory().resolve("META-INF/MANIFEST.MF");
        assumeTrue(Files.exists(manifest), "no manifest: bnd has not processed the classes (run through Maven)");
        String header;
        try (InputStream in = Files.newInputStream(manifest)) {
            header = new Manifest(in).getMainAttributes().getValue("Bashgah-OpenAPI");
        }
        assertNotNull(header, "the manifest has no Bashgah-OpenAPI header: core would merge none of the fragments");

        assertEquals(new TreeSet<>(fragmentNames),
            Arrays.stream(header.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
    }

    // ---- for a capability's own checks

    /** The fragment of that name, as read. */
    protected final JsonNode fragment(String name) {
        JsonNode fragment = fragments.get(name);
        assertNotNull(fragment, name + " is not one of " + fragmentNames);
        return fragment;
    }

    /** What {@code #/components/<section>/<name>} is in the merged document, or null. */
    protected final JsonNode resolve(String ref) {
        String prefix = "#/components/";
        if (!ref.startsWith(prefix)) return null;
        String[] parts = ref.substring(prefix.length()).split("/");
        if (parts.length != 2) return null;
        for (JsonNode fragment : fragments.values()) {
            JsonNode found = fragment.path("components").path(parts[0]).get(parts[1]);
            if (found != null) return found;
        }
        return core.path("components").path(parts[0]).get(parts[1]);
    }

    // ---- the code side

    /** "METHOD /path" for every resource method of every {@code *Resource} class of this bundle. */
    private Set<String> operationsOfResources() throws IOException, URISyntaxException {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.contains(aResource), "the scan found no " + aResource.getName() + ": " + resources);
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : resources) {
            javax.ws.rs.Path root = resource.getAnnotation(javax.ws.rs.Path.class);
            assertNotNull(root, resource.getName() + " has no @Path");
            for (Method method : resource.getMethods()) {
                String verb = httpMethodOf(method);
                if (verb == null) continue;
                javax.ws.rs.Path sub = method.getAnnotation(javax.ws.rs.Path.class);
                operations.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
            }
        }
        return operations;
    }

    /** Every top-level class in the bundle's package tree whose name ends with "Resource". */
    private List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        Path classes = classesDirectory();
        // org.bashgah.<capability>: the bundle's package tree
        String[] packageName = aResource.getPackageName().split("\\.");
        Path root = classes.resolve(String.join("/", Arrays.copyOf(packageName, Math.min(3, packageName.length))));
        assertTrue(Files.isDirectory(root), root + " is not a directory of compiled classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Resource.class")).toList()) {
                String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (relative.contains("$")) continue;
                String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                try {
                    resources.add(Class.forName(className, false, getClass().getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("cannot load " + className, e);
                }
            }
        }
        return resources;
    }

    private Path classesDirectory() throws URISyntaxException {
        Path classes = Path.of(aResource.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes), "the bundle's classes are not a directory: " + classes);
        return classes;
    }

    /** GET, POST, ...: the value of the method's annotation that is itself annotated {@link HttpMethod}. */
    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    /** Joins two paths with single slashes and no trailing one; {@code {id: regex}} becomes {@code {id}}. */
    private static String join(String root, String sub) {
        String joined = TEMPLATE.matcher("/" + root + "/" + sub).replaceAll("{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    // ---- the document side

    private JsonNode read(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            JsonNode document = new ObjectMapper().readTree(in);
            assertTrue(document.isObject(), resource + " is not a JSON object");
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** "METHOD /path" for every operation in a document's {@code paths}. */
    private static Set<String> operationsOf(JsonNode document) {
        return new TreeSet<>(operationNodes(document).keySet());
    }

    private static Map<String, JsonNode> operationNodes(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (OPENAPI_OPERATIONS.contains(entry.getKey())) {
                    operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + join(path.getKey(), ""),
                        entry.getValue());
                }
            }
        }
        return operations;
    }

    private static List<String> operationIdsOf(JsonNode document) {
        return operationNodes(document).values().stream().map(o -> o.path("operationId"))
            .filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    private static List<String> tagNamesOf(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.path("tags").forEach(tag -> names.add(tag.path("name").asText()));
        return names;
    }

    private static List<String> refsIn(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) refs.add(e.getValue().asText());
                else refs.addAll(refsIn(e.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(child -> refs.addAll(refsIn(child)));
        }
        return refs;
    }

    /** The names of the path parameters a path item or operation declares, $refs resolved. */
    private List<String> pathParameters(JsonNode holder) {
        List<String> names = new ArrayList<>();
        holder.path("parameters").forEach(parameter -> {
            JsonNode p = parameter.has("$ref") ? resolve(parameter.get("$ref").asText()) : parameter;
            if (p != null && "path".equals(p.path("in").asText())) names.add(p.path("name").asText());
        });
        return names;
    }

    private static List<String> duplicates(List<String> names) {
        Set<String> seen = new TreeSet<>();
        return names.stream().filter(n -> !seen.add(n)).distinct().sorted().toList();
    }
}

package org.bashgah.surveys.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.core.api.PurchaseSummary;
import org.bashgah.surveys.internal.answer.Alert;
import org.bashgah.surveys.internal.answer.AlertResource;
import org.bashgah.surveys.internal.answer.AnswerRules;
import org.bashgah.surveys.internal.answer.Answers;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.campaign.CampaignRules;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;
import org.bashgah.surveys.internal.questionnaire.QuestionnaireResource;
import org.bashgah.surveys.internal.questionnaire.QuestionnaireRules;
import org.bashgah.surveys.internal.questionnaire.Text;
import org.bashgah.surveys.internal.queue.Attempt;
import org.bashgah.surveys.internal.queue.CallQueue;
import org.bashgah.surveys.internal.queue.CallScreen;
import org.bashgah.surveys.internal.queue.CallView;
import org.bashgah.surveys.internal.queue.CampaignRunResource;
import org.bashgah.surveys.internal.queue.ClaimResource;
import org.bashgah.surveys.internal.queue.QueueResource;
import org.bashgah.surveys.internal.queue.QueueRuns;
import org.bashgah.surveys.internal.report.SurveyReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The surveys bundle's OpenAPI fragments are written by hand and merged into core's document at runtime
 * (their {@code paths}, {@code components} and {@code tags}: see core's {@code OpenApiResource}). This test
 * keeps them true to the code: together they document exactly the (HTTP method, path) pairs of every
 * {@code *Resource} class compiled into this bundle (found by scanning the classes, so a resource added
 * later is checked without touching this test), every {@code $ref} resolves in the merged document, and
 * nothing in them replaces a part of core's document or of another fragment.
 */
class OpenApiFragmentTest {
    /** The fragments the bundle's Bashgah-OpenAPI header names; see bnd in this bundle's pom.xml. */
    private static final List<String> FRAGMENTS =
        List.of("openapi/surveys-design.json", "openapi/surveys-calls.json", "openapi/surveys-reports.json");

    /** Core's document, on the test classpath through the provided dependency on bashgah-core. */
    private static final String CORE_DOCUMENT = "/openapi/core.json";

    /** Where this bundle's classes live, as a directory of target/classes. */
    private static final String PACKAGE_DIRECTORY = "org/bashgah/surveys";

    /** The keys of an OpenAPI path item that are operations (the others are parameters, summary, ...). */
    private static final Set<String> OPENAPI_OPERATIONS =
        Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** {@code {name}} or {@code {name: regex}} in a JAX-RS or OpenAPI path. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

    private static Map<String, JsonNode> fragments;
    private static JsonNode core;

    @BeforeAll
    static void readDocuments() throws IOException {
        fragments = new LinkedHashMap<>();
        for (String fragment : FRAGMENTS) fragments.put(fragment, read("/" + fragment));
        core = read(CORE_DOCUMENT);
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

        assertTrue(undocumented.isEmpty(), "resource operations missing from " + FRAGMENTS + ": " + undocumented);
        assertTrue(unanswered.isEmpty(), "operations in " + FRAGMENTS + " that no resource has: " + unanswered);
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

    @Test
    void everyOperationHasADeclaredTagAndInheritsCoresSecurity() {
        Set<String> declared = new TreeSet<>(tagNamesOf(core));
        fragments.values().forEach(fragment -> declared.addAll(tagNamesOf(fragment)));
        List<String> faults = new ArrayList<>();
        fragments.forEach((name, fragment) -> {
            if (fragment.has("security")) faults.add(name + " declares security; only core's (bearer) is used");
            operationNodes(fragment).forEach((operation, node) -> {
                if (!node.path("tags").isArray() || node.path("tags").isEmpty()) faults.add(operation + " has no tag");
                node.path("tags").forEach(tag -> {
                    if (!declared.contains(tag.asText())) faults.add(operation + " has undeclared tag " + tag.asText());
                });
                if (node.has("security")) faults.add(operation + " declares its own security");
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

    /** JSON names a record's components; every schema of the fragments must name the same fields as its record. */
    @Test
    void everySchemaNamesExactlyTheFieldsOfItsRecord() {
        Map<String, Class<?>> records = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("SurveysText", Text.class),
            Map.entry("SurveysChoice", Questionnaire.Choice.class),
            Map.entry("SurveysQuestion", Questionnaire.Question.class),
            Map.entry("SurveysQuestionnaire", Questionnaire.class),
            Map.entry("SurveysQuestionnaireVersion", Questionnaire.Version.class),
            Map.entry("SurveysChoiceDraft", QuestionnaireRules.ChoiceDraft.class),
            Map.entry("SurveysQuestionDraft", QuestionnaireRules.QuestionDraft.class),
            Map.entry("SurveysQuestionnaireCreate", QuestionnaireResource.NewQuestionnaire.class),
            Map.entry("SurveysQuestionnaireChange", QuestionnaireResource.QuestionnaireChange.class),
            Map.entry("SurveysCampaign", Campaign.class),
            Map.entry("SurveysCampaignChange", CampaignRules.Change.class),
            Map.entry("SurveysRunRequest", CampaignRunResource.RunRequest.class),
            Map.entry("SurveysRunResult", QueueRuns.RunResult.class),
            Map.entry("SurveysCallView", CallView.class),
            Map.entry("SurveysAttempt", Attempt.class),
            Map.entry("SurveysCallDetail", CallQueue.CallDetail.class),
            Map.entry("SurveysQueue", CallQueue.QueueView.class),
            Map.entry("SurveysClaimRequest", QueueResource.ClaimRequest.class),
            Map.entry("SurveysMemberCard", CallScreen.MemberCard.class),
            Map.entry("SurveysVisit", CallScreen.Visit.class),
            Map.entry("SurveysPurchaseLine", PurchaseLine.class),
            Map.entry("SurveysPurchase", PurchaseSummary.class),
            Map.entry("SurveysCallScreen", CallScreen.class),
            Map.entry("SurveysAnswer", AnswerRules.Given.class),
            Map.entry("SurveysOutcomeRequest", ClaimResource.OutcomeRequest.class),
            Map.entry("SurveysRecorded", CallQueue.Recorded.class),
            Map.entry("SurveysAnswerView", Answers.AnswerView.class),
            Map.entry("SurveysResponse", Answers.ResponseView.class),
            Map.entry("SurveysAlert", Alert.class),
            Map.entry("SurveysResolution", AlertResource.Resolution.class),
            Map.entry("SurveysReportRow", SurveyReports.Row.class),
            Map.entry("SurveysReportSummary", SurveyReports.Summary.class),
            Map.entry("SurveysDistribution", SurveyReports.Distribution.class),
            Map.entry("SurveysTextAnswer", SurveyReports.TextAnswer.class)));
        Set<String> schemas = new TreeSet<>();
        fragments.values().forEach(f -> f.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add));
        assertEquals(schemas, records.keySet(), "every schema of the fragments has its record here, and no other");
        records.forEach((schema, record) -> {
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
    void theFragmentsAreOpenApi303LikeCoresDocument() {
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

        assertEquals(new TreeSet<>(FRAGMENTS),
            Arrays.stream(header.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
    }

    // ---- the code side

    /** "METHOD /path" for every resource method of every {@code *Resource} class of this bundle. */
    private static Set<String> operationsOfResources() throws IOException, URISyntaxException {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.contains(QuestionnaireResource.class), "the scan found no QuestionnaireResource: " + resources);
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
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        Path classes = classesDirectory();
        Path root = classes.resolve(PACKAGE_DIRECTORY);
        assertTrue(Files.isDirectory(root), root + " is not a directory of compiled classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Resource.class")).toList()) {
                String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (relative.contains("$")) continue;
                String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                try {
                    resources.add(Class.forName(className, false, OpenApiFragmentTest.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("cannot load " + className, e);
                }
            }
        }
        return resources;
    }

    private static Path classesDirectory() throws URISyntaxException {
        Path classes = Path.of(QuestionnaireResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            JsonNode document = new ObjectMapper().readTree(in);
            assertTrue(document.isObject(), resource + " is not a JSON object");
            return document;
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

    /** What {@code #/components/<section>/<name>} is in the merged document, or null. */
    private static JsonNode resolve(String ref) {
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

    /** The names of the path parameters a path item or operation declares, $refs resolved. */
    private static List<String> pathParameters(JsonNode holder) {
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

package org.bashgah.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import org.bashgah.core.internal.ledger.LedgerVerifyResource;
import org.bashgah.core.internal.audit.AuditResource;
import org.bashgah.core.internal.branch.BranchResource;
import org.bashgah.core.internal.health.HealthResource;
import org.bashgah.core.internal.member.MemberResource;
import org.bashgah.core.internal.organisation.OrganisationResource;
import org.bashgah.core.internal.purchase.PurchaseResource;
import org.bashgah.core.internal.security.ApiKeyResource;
import org.bashgah.core.internal.security.AuthResource;
import org.bashgah.core.internal.security.UserResource;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi/core.json} is written by hand; this test keeps it true to the code by checking that it
 * documents exactly the (HTTP method, path) pairs that core's JAX-RS resources answer, no more and no fewer.
 */
class OpenApiDocumentTest {
    /** Every JAX-RS resource of the core bundle; a new one must be added here (and to the document). */
    private static final List<Class<?>> RESOURCES = List.of(AuthResource.class, OrganisationResource.class,
        BranchResource.class, MemberResource.class, PurchaseResource.class, ApiKeyResource.class,
        UserResource.class, AuditResource.class, OpenApiResource.class, LedgerVerifyResource.class,
        HealthResource.class);

    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(GET.class, "GET",
        POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");

    /** The keys of an OpenAPI path item that are operations (the others are parameters, summary, ...). */
    private static final Set<String> OPENAPI_OPERATIONS =
        Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void documentAndResourcesHaveTheSameOperations() throws IOException {
        Set<String> inCode = operationsOfResources();
        Set<String> inDocument = operationsOfDocument();

        Set<String> undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(inDocument);
        Set<String> unanswered = new TreeSet<>(inDocument);
        unanswered.removeAll(inCode);

        assertTrue(undocumented.isEmpty(), "resource operations missing from openapi/core.json: " + undocumented);
        assertTrue(unanswered.isEmpty(), "operations in openapi/core.json that no resource has: " + unanswered);
    }

    /** "METHOD /path" for every resource method, class-level and method-level {@link Path} joined. */
    private static Set<String> operationsOfResources() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            Path root = resource.getAnnotation(Path.class);
            assertNotNull(root, resource.getName() + " has no @Path");
            for (Method method : resource.getDeclaredMethods()) {
                HTTP_METHODS.forEach((annotation, verb) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
                    }
                });
            }
        }
        return operations;
    }

    /** "METHOD /path" for every operation in the document's {@code paths}. */
    private static Set<String> operationsOfDocument() throws IOException {
        JsonNode document;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi/core.json")) {
            assertNotNull(in, "/openapi/core.json is not on the classpath");
            document = new ObjectMapper().readTree(in);
        }
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (OPENAPI_OPERATIONS.contains(entry.getKey())) {
                    operations.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + join(path.getKey(), ""));
                }
            }
        }
        return operations;
    }

    /** Joins two paths with single slashes and no trailing one; {@code {id}} templates stay as they are. */
    private static String join(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}

package org.bashgah.core.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 document of everything installed right now. Every active
 * bundle whose manifest has a {@value #HEADER} header contributes the documents it names (comma-separated; their
 * {@code paths}, {@code components} and {@code tags}), so installing a capability adds its resources to the
 * document and removing it takes them out, with no restart.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/openapi.json")
public class OpenApiResource {
    public static final String HEADER = "Bashgah-OpenAPI";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final BundleContext context;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode document() {
        ObjectNode document = read(context.getBundle(), "openapi/core.json");
        ObjectNode paths = (ObjectNode) document.with("paths");
        ObjectNode components = (ObjectNode) document.with("components");
        com.fasterxml.jackson.databind.node.ArrayNode tags = document.withArray("tags");
        for (Bundle bundle : context.getBundles()) {
            String locations = bundle.getHeaders().get(HEADER);
            if (locations == null || bundle.getState() != Bundle.ACTIVE || bundle.equals(context.getBundle())) continue;
            for (String location : locations.split(",")) {
                ObjectNode part = read(bundle, location.strip());
                if (part != null) merge(part, paths, components, tags);
            }
        }
        return document;
    }

    private static void merge(ObjectNode part, ObjectNode paths, ObjectNode components,
                              com.fasterxml.jackson.databind.node.ArrayNode tags) {
        if (part.get("paths") instanceof ObjectNode p) paths.setAll(p);
        // schemas, responses, parameters ...: a capability prefixes its names, so nothing of core's is replaced
        part.path("components").fields().forEachRemaining(section -> {
            if (section.getValue() instanceof ObjectNode entries) {
                ((ObjectNode) components.with(section.getKey())).setAll(entries);
            }
        });
        part.path("tags").forEach(tags::add);
    }

    private static ObjectNode read(Bundle bundle, String location) {
        URL url = bundle.getEntry(location);
        if (url == null) {
            LOG.warn("Bundle {} names OpenAPI document {} but has none", bundle.getSymbolicName(), location);
            return null;
        }
        try (InputStream in = url.openStream()) {
            return (ObjectNode) JsonProvider.mapper().readTree(in);
        } catch (IOException | ClassCastException e) {
            LOG.warn("OpenAPI document {} of bundle {} cannot be read", location, bundle.getSymbolicName(), e);
            return null;
        }
    }
}

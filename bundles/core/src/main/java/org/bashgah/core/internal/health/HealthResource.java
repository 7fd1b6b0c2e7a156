package org.bashgah.core.internal.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.bashgah.core.internal.rest.JsonProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/health}, without credentials, for load balancers and start-up scripts: 200 {@code UP} once
 * every Bashgah bundle, component and REST resource that is installed is running and served; 503
 * {@code STARTING} with what is still awaited before that. While a capability starts, the JAX-RS whiteboard
 * re-publishes the API and requests may briefly find nothing, so a node should take traffic only when UP.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/health")
public class HealthResource {
    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile JaxrsServiceRuntime jaxrs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime components;

    @Activate
    public HealthResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<String> waiting = new Readiness(context, jaxrs, components).awaited();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", waiting.isEmpty() ? "UP" : "STARTING");
        if (!waiting.isEmpty()) body.put("waitingFor", waiting);
        return Response.status(waiting.isEmpty() ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}

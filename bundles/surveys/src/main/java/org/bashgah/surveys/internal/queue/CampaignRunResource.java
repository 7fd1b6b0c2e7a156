package org.bashgah.surveys.internal.queue;

import java.time.Instant;
import java.time.OffsetDateTime;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.surveys.internal.Ids;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/surveys/campaigns/{id}/run {"asOf": "..."}}: runs the campaign's queue now, as of the
 * given moment (chain admins; a test that sets the clock, or catching up after downtime). Without {@code asOf},
 * as of now.
 */
@Component(service = CampaignRunResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/campaigns/{id}/run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignRunResource {
    private final QueueRuns runs;

    @Activate
    public CampaignRunResource(@Reference QueueRuns runs) {
        this.runs = runs;
    }

    public record RunRequest(OffsetDateTime asOf) {
    }

    @POST
    public QueueRuns.RunResult run(@PathParam("id") String id, RunRequest request, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        long campaign = Ids.parse(id, "campaign");
        Instant asOf = request == null || request.asOf() == null ? Instant.now() : request.asOf().toInstant();
        return runs.run(caller.organisationId(), campaign, asOf);
    }
}

package org.bashgah.surveys.internal.queue;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.Scope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/surveys/queue}: the call queue of a branch (a branch-bound caller's own) and
 * {@code POST /api/v1/surveys/queue/claim}, which gives the operator the next call: 201 with the call screen, 200
 * with the call they already hold, 204 when nothing is queued.
 */
@Component(service = QueueResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final CallQueue queue;

    @Activate
    public QueueResource(@Reference CallQueue queue) {
        this.queue = queue;
    }

    /** The body of a claim, all optional: a chain admin's branch (null: any), one campaign only. */
    public record ClaimRequest(String branch, Long campaign) {
    }

    @GET
    public CallQueue.QueueView queue(@QueryParam("branch") String branch, @QueryParam("campaign") String campaign,
                                     @QueryParam("limit") String limit, @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        Validation v = new Validation().code("branch", branch);
        Long campaignId = Scope.id(v, "campaign", campaign);
        int max = (int) v.number("limit", limit, 20, 1, 200);
        v.throwIfInvalid();
        return queue.overview(caller, Scope.branch(caller, branch), campaignId, max);
    }

    @POST
    @Path("claim")
    public Response claim(ClaimRequest body, @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        ClaimRequest request = body == null ? new ClaimRequest(null, null) : body;
        new Validation().code("branch", request.branch())
            .check(request.campaign() == null || request.campaign() > 0, "campaign", "must be a campaign id")
            .throwIfInvalid();
        String branch = Scope.branch(caller, request.branch());
        if (branch != null) queue.requireBranch(caller.organisationId(), branch);
        CallQueue.Claimed claimed = queue.claim(caller, branch, request.campaign());
        if (claimed == null) return Response.noContent().build();
        return Response.status(claimed.created() ? 201 : 200).entity(claimed.screen()).build();
    }
}

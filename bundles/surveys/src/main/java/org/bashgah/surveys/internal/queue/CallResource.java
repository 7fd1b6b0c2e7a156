package org.bashgah.surveys.internal.queue;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.Ids;
import org.bashgah.surveys.internal.Scope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/surveys/calls}: every call, its status and attempts; a branch-bound caller sees its branch's. */
@Component(service = CallResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {
    private final CallQueue queue;

    @Activate
    public CallResource(@Reference CallQueue queue) {
        this.queue = queue;
    }

    @GET
    public List<CallView> list(@QueryParam("campaign") String campaign, @QueryParam("status") String status,
                               @QueryParam("branch") String branch, @QueryParam("member") String member,
                               @QueryParam("limit") String limit, @QueryParam("before") String before,
                               @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        Validation v = new Validation().code("branch", branch)
            .check(status == null || CallEntity.ALL.contains(status), "status", "must be one of " + CallEntity.ALL)
            .check(member == null || member.matches("[0-9a-f-]{36}"), "member", "must be a member id");
        Long campaignId = Scope.id(v, "campaign", campaign);
        int max = (int) v.number("limit", limit, 50, 1, 500);
        long beforeId = v.number("before", before, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        return queue.calls(caller.organisationId(), Scope.branch(caller, branch), campaignId, status, member, beforeId, max);
    }

    @GET
    @Path("{id}")
    public CallQueue.CallDetail get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Scope.staff((Caller) security.getUserPrincipal());
        return queue.call(caller.organisationId(), caller.branch(), Ids.parse(id, "call"));
    }
}

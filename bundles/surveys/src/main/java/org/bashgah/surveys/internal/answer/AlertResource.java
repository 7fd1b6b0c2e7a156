package org.bashgah.surveys.internal.answer;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

/**
 * {@code /api/v1/surveys/alerts}: low scores for the branch manager (chain admins see every branch's), newest first,
 * and {@code POST /api/v1/surveys/alerts/{id}/resolve {"note"}} once someone has acted on one (audited).
 */
@Component(service = AlertResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {
    private final Alerts alerts;

    @Activate
    public AlertResource(@Reference Alerts alerts) {
        this.alerts = alerts;
    }

    /** The body of resolve: what was done about it. */
    public record Resolution(String note) {
    }

    @GET
    public List<Alert> list(@QueryParam("status") String status, @QueryParam("branch") String branch,
                            @QueryParam("limit") String limit, @QueryParam("before") String before,
                            @Context SecurityContext security) {
        Caller caller = Scope.managers((Caller) security.getUserPrincipal());
        Validation v = new Validation().code("branch", branch)
            .check(status == null || AlertEntity.OPEN.equals(status) || AlertEntity.RESOLVED.equals(status), "status",
                "must be OPEN or RESOLVED");
        int max = (int) v.number("limit", limit, 50, 1, 500);
        long beforeId = v.number("before", before, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        return alerts.list(caller.organisationId(), Scope.branch(caller, branch), status, beforeId, max);
    }

    @POST
    @Path("{id}/resolve")
    public Alert resolve(@PathParam("id") String id, Resolution body, @Context SecurityContext security) {
        Caller caller = Scope.managers((Caller) security.getUserPrincipal());
        long alert = Ids.parse(id, "alert");
        Validation v = new Validation();
        if (body == null) v.add("body", "a note is required").throwIfInvalid();
        v.require("note", body.note()).text("note", body.note(), 500).throwIfInvalid();
        return alerts.resolve(caller, alert, body.note().strip());
    }
}

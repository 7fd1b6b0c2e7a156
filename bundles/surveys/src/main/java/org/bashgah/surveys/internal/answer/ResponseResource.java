package org.bashgah.surveys.internal.answer;

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

/**
 * {@code /api/v1/surveys/responses}: completed surveys with their answers, each shown with the question text of the
 * version it was given to; chain admins and branch managers (their branch's).
 */
@Component(service = ResponseResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/responses")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseResource {
    private final Answers answers;

    @Activate
    public ResponseResource(@Reference Answers answers) {
        this.answers = answers;
    }

    @GET
    public List<Answers.ResponseView> list(@QueryParam("branch") String branch, @QueryParam("campaign") String campaign,
                                           @QueryParam("limit") String limit, @QueryParam("before") String before,
                                           @Context SecurityContext security) {
        Caller caller = Scope.managers((Caller) security.getUserPrincipal());
        Validation v = new Validation().code("branch", branch);
        Long campaignId = Scope.id(v, "campaign", campaign);
        int max = (int) v.number("limit", limit, 50, 1, 500);
        long beforeId = v.number("before", before, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        return answers.list(caller.organisationId(), Scope.branch(caller, branch), campaignId, beforeId, max);
    }

    @GET
    @Path("{id}")
    public Answers.ResponseView get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Scope.managers((Caller) security.getUserPrincipal());
        return answers.get(caller.organisationId(), Ids.parse(id, "response"), caller.branch());
    }
}

package org.bashgah.surveys.internal.campaign;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.Ids;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/surveys/campaigns}: staff of the organisation read them; chain admins create and change them
 * (a PATCH names the fields it changes; {@code active: false} pauses a campaign). The on-demand queue run is
 * {@code POST /api/v1/surveys/campaigns/{id}/run} (the queue's resource).
 */
@Component(service = CampaignResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/surveys/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {
    private final Campaigns campaigns;

    @Activate
    public CampaignResource(@Reference Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GET
    public List<Campaign> list(@Context SecurityContext security) {
        return campaigns.list(staff(security).organisationId());
    }

    @POST
    public Response create(CampaignRules.Change body, @Context SecurityContext security) {
        Caller caller = admin(security);
        Validation v = new Validation();
        if (body == null) v.add("body", "a campaign is required").throwIfInvalid();
        v.require("name", body.name()).require("questionnaire", body.questionnaire());
        Campaign campaign = CampaignRules.apply(v, CampaignRules.DEFAULTS, body);
        v.throwIfInvalid();
        return Response.status(201).entity(campaigns.create(caller, campaign)).build();
    }

    @GET
    @Path("{id}")
    public Campaign get(@PathParam("id") String id, @Context SecurityContext security) {
        return campaigns.get(staff(security).organisationId(), Ids.parse(id, "campaign"));
    }

    @PATCH
    @Path("{id}")
    public Campaign change(@PathParam("id") String id, CampaignRules.Change body, @Context SecurityContext security) {
        Caller caller = admin(security);
        long campaign = Ids.parse(id, "campaign");
        if (body == null) new Validation().add("body", "changes are required").throwIfInvalid();
        // checked against the campaign as it is, under its row lock (a 400 rolls the transaction back)
        return campaigns.change(caller, campaign, current -> {
            Validation v = new Validation();
            Campaign next = CampaignRules.apply(v, current, body);
            v.throwIfInvalid();
            return next;
        });
    }

    static Caller staff(SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR);
        return caller;
    }

    static Caller admin(SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return caller;
    }
}

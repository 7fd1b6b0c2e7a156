package org.bashgah.credit.internal.tier;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.FieldError;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/members/{id}/tier}: a member's standing (anyone in the organisation), and the manual tier
 * a chain admin gives a member, which acts as a floor: {@code PUT} sets it (lifting the member at once),
 * {@code DELETE} removes it (the tier then follows the window from the next review on). Both are audited.
 */
@Component(service = MemberTierResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/members/{id}/tier")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberTierResource {
    private final TierStandings standings;

    @Activate
    public MemberTierResource(@Reference TierStandings standings) {
        this.standings = standings;
    }

    /** The body of PUT: the floor tier's code and why. */
    public record FloorChange(String tier, String note) {
    }

    @GET
    public TierStandings.MemberTier standing(@PathParam("id") String memberId, @Context SecurityContext security) {
        return standings.view(TierResource.caller(security).organisationId(), memberId);
    }

    @PUT
    public TierStandings.MemberTier setFloor(@PathParam("id") String memberId, FloorChange change,
                                             @Context SecurityContext security) {
        Caller caller = TierResource.caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (change == null) throw new Invalid(List.of(new FieldError("body", "tier is required")));
        new Validation().require("tier", change.tier())
            .check(change.tier() == null || change.tier().matches("[A-Z][A-Z0-9_]{0,31}"), "tier",
                "must be the code of a tier, e.g. GOLD")
            .text("note", change.note(), 500)
            .throwIfInvalid();
        return standings.setFloor(caller, memberId, change.tier(), change.note());
    }

    @DELETE
    public Response removeFloor(@PathParam("id") String memberId, @Context SecurityContext security) {
        Caller caller = TierResource.caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        standings.removeFloor(caller, memberId);
        return Response.noContent().build();
    }
}

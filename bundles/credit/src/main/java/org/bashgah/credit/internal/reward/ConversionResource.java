package org.bashgah.credit.internal.reward;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/credit/conversions}: converts a member's points to shared credit at the point value
 * of the policy in force at the branch (the chain's without one). Idempotent by key: the same key again
 * answers 200 with the first conversion; a branch-bound caller converts at its own branch.
 */
@Component(service = ConversionResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/credit/conversions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversionResource {
    private final Rewards rewards;

    @Activate
    public ConversionResource(@Reference Rewards rewards) {
        this.rewards = rewards;
    }

    /** The body: {@code member} is a member id or phone; {@code branch} defaults to the caller's. */
    public record ConversionRequest(String member, Long points, String branch, String idempotencyKey) {
    }

    @POST
    public Response convert(ConversionRequest body, @Context SecurityContext security) {
        Caller caller = RewardResource.caller(security);
        if (body == null) throw RewardResource.invalid("member, points and idempotencyKey are required");
        String branch = body.branch() != null ? body.branch() : caller.branch();
        new Validation().require("member", body.member()).text("member", body.member(), 100)
            .require("points", body.points()).positive("points", body.points())
            .code("branch", branch)
            .require("idempotencyKey", body.idempotencyKey())
            .text("idempotencyKey", body.idempotencyKey(), RewardRules.MAX_KEY)
            .throwIfInvalid();
        if (branch != null) caller.requireBranch(branch);
        Rewards.Outcome<Rewards.Conversion> outcome = rewards.convert(caller, body.member().strip(), body.points(),
            branch, body.idempotencyKey());
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.body()).build();
    }
}

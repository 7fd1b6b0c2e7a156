package org.bashgah.credit.internal.reward;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.BashgahException.NotFound;
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
 * {@code /api/v1/credit/rewards}: the rewards catalogue and its claims. Everyone in the organisation reads
 * the catalogue and may claim (a branch-bound caller at its own branch); only a chain admin changes it;
 * chain admins and branch managers (their branch's only) see a reward's claims.
 */
@Component(service = RewardResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/credit/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RewardResource {
    private final Rewards rewards;

    @Activate
    public RewardResource(@Reference Rewards rewards) {
        this.rewards = rewards;
    }

    /** The body of POST: {@code stock} left out is unlimited, {@code branches} left out or empty is every branch. */
    public record NewReward(String name, Long pointsCost, Long stock, List<String> branches, Boolean active) {
    }

    /** The body of a claim: {@code member} is a member id or phone; {@code branch} defaults to the caller's. */
    public record ClaimRequest(String member, String branch, String idempotencyKey) {
    }

    @GET
    public List<Rewards.Reward> list(@Context SecurityContext security) {
        return rewards.list(caller(security).organisationId());
    }

    @POST
    public Response create(NewReward body, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (body == null) throw invalid("a reward is required");
        RewardRules.check(new Validation().require("name", body.name()).require("pointsCost", body.pointsCost()),
            body.name(), body.pointsCost(), body.stock(), body.branches()).throwIfInvalid();
        Rewards.Reward created = rewards.create(caller, body.name(), body.pointsCost(), body.stock(), body.branches(),
            body.active() == null || body.active());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Rewards.Reward get(@PathParam("id") String id, @Context SecurityContext security) {
        return rewards.get(caller(security).organisationId(), id(id));
    }

    @PATCH
    @Path("{id}")
    public Rewards.Reward change(@PathParam("id") String id, Rewards.Change body, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (body == null) throw invalid("changes are required");
        RewardRules.check(new Validation(), body.name(), body.pointsCost(), body.stock(), body.branches())
            .check(!(Boolean.TRUE.equals(body.unlimitedStock()) && body.stock() != null), "stock",
                "give a stock or unlimitedStock, not both")
            .throwIfInvalid();
        return rewards.change(caller, id(id), body);
    }

    @POST
    @Path("{id}/claims")
    public Response claim(@PathParam("id") String id, ClaimRequest body, @Context SecurityContext security) {
        Caller caller = caller(security);
        if (body == null) throw invalid("member, branch and idempotencyKey are required");
        String branch = body.branch() != null ? body.branch() : caller.branch();
        new Validation().require("member", body.member()).text("member", body.member(), 100)
            .require("branch", branch).code("branch", branch)
            .require("idempotencyKey", body.idempotencyKey())
            .text("idempotencyKey", body.idempotencyKey(), RewardRules.MAX_KEY)
            .throwIfInvalid();
        caller.requireBranch(branch);
        Rewards.Outcome<Rewards.Claim> outcome = rewards.claim(caller, id(id), body.member().strip(), branch,
            body.idempotencyKey());
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.body()).build();
    }

    /** The reward's claims, newest first; {@code before} a claim id for the next page. */
    @GET
    @Path("{id}/claims")
    public List<Rewards.Claim> claims(@PathParam("id") String id, @QueryParam("limit") String limitText,
                                      @QueryParam("before") String beforeText, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        Validation v = new Validation();
        int limit = (int) v.number("limit", limitText, 50, 1, 500);
        long before = v.number("before", beforeText, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        return rewards.claims(caller.organisationId(), id(id), caller.branch(), before, limit);
    }

    /** A reward id; anything else names no reward. */
    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("no reward " + text);
        }
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** A missing body: 400 naming it. */
    static Invalid invalid(String message) {
        return new Invalid(List.of(new FieldError("body", message)));
    }
}

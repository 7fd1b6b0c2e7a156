package org.bashgah.credit.internal.policy;

import java.math.BigDecimal;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.credit.api.CreditPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/credit/policy}: the chain's earning policy and the branches' overrides. Anyone in the
 * organisation may read them; only a chain admin changes them. A change applies to purchases posted after it.
 */
@Component(service = PolicyResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/credit/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private final Policies policies;
    private final BranchService branches;

    @Activate
    public PolicyResource(@Reference Policies policies, @Reference BranchService branches) {
        this.policies = policies;
        this.branches = branches;
    }

    /** The body of PUT: fields left out keep their current value (for a new override: the chain's). */
    public record PolicyChange(BigDecimal creditPercent, String creditTo, BigDecimal sharedPercentOfCredit,
                               Long amountPerPoint, Long pointValue, Integer creditExpiryDays,
                               Integer pointsExpiryDays, BigDecimal maxRedeemPercent, Long signupPoints,
                               Long referralPoints, Long reviewPoints, Long socialPoints, Long surveyPoints) {
    }

    @GET
    public CreditPolicy chain(@Context SecurityContext security) {
        return policies.chain(caller(security).organisationId());
    }

    @PUT
    public CreditPolicy changeChain(PolicyChange change, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return policies.put(caller, null, merge(policies.chain(caller.organisationId()), change));
    }

    @GET
    @Path("branches/{code}")
    public CreditPolicy branch(@PathParam("code") String code, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireBranch(code);
        requireBranch(caller, code);
        return policies.override(caller.organisationId(), code)
            .orElseThrow(() -> new NotFound("branch " + code + " has no policy of its own; the chain's applies"));
    }

    @PUT
    @Path("branches/{code}")
    public CreditPolicy changeBranch(@PathParam("code") String code, PolicyChange change,
                                     @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        requireBranch(caller, code);
        CreditPolicy base = policies.effective(caller.organisationId(), code);
        return policies.put(caller, code, merge(base, change));
    }

    @DELETE
    @Path("branches/{code}")
    public Response removeBranch(@PathParam("code") String code, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        requireBranch(caller, code);
        policies.remove(caller, code);
        return Response.noContent().build();
    }

    /** Every version of the chain's and branches' policies, newest first. */
    @GET
    @Path("history")
    public List<CreditPolicy> history(@QueryParam("limit") String limitText, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        Validation v = new Validation();
        int limit = (int) v.number("limit", limitText, 50, 1, 500);
        v.throwIfInvalid();
        return policies.history(caller.organisationId(), limit);
    }

    private void requireBranch(Caller caller, String code) {
        if (branches.find(caller.organisationId(), code).isEmpty()) throw new NotFound("no branch " + code);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** The current policy with the change applied, checked as a whole. */
    static CreditPolicy merge(CreditPolicy current, PolicyChange c) {
        if (c == null) c = new PolicyChange(null, null, null, null, null, null, null, null, null, null, null, null, null);
        CreditPolicy p = new CreditPolicy(current.branch(),
            c.creditPercent() != null ? c.creditPercent() : current.creditPercent(),
            c.creditTo() != null ? c.creditTo() : current.creditTo(),
            c.sharedPercentOfCredit() != null ? c.sharedPercentOfCredit() : current.sharedPercentOfCredit(),
            c.amountPerPoint() != null ? c.amountPerPoint() : current.amountPerPoint(),
            c.pointValue() != null ? c.pointValue() : current.pointValue(),
            c.creditExpiryDays() != null ? c.creditExpiryDays() : current.creditExpiryDays(),
            c.pointsExpiryDays() != null ? c.pointsExpiryDays() : current.pointsExpiryDays(),
            c.maxRedeemPercent() != null ? c.maxRedeemPercent() : current.maxRedeemPercent(),
            c.signupPoints() != null ? c.signupPoints() : current.signupPoints(),
            c.referralPoints() != null ? c.referralPoints() : current.referralPoints(),
            c.reviewPoints() != null ? c.reviewPoints() : current.reviewPoints(),
            c.socialPoints() != null ? c.socialPoints() : current.socialPoints(),
            c.surveyPoints() != null ? c.surveyPoints() : current.surveyPoints(),
            null, null, null);
        Validation v = new Validation();
        percent(v, "creditPercent", p.creditPercent());
        percent(v, "sharedPercentOfCredit", p.sharedPercentOfCredit());
        percent(v, "maxRedeemPercent", p.maxRedeemPercent());
        v.check(List.of(CreditPolicy.SHARED, CreditPolicy.BRANCH, CreditPolicy.SPLIT).contains(p.creditTo()),
            "creditTo", "must be SHARED, BRANCH or SPLIT");
        v.check(p.amountPerPoint() >= 0 && p.amountPerPoint() <= Validation.MAX_AMOUNT, "amountPerPoint",
            "must be 0 (no points) or a positive amount");
        v.check(p.pointValue() >= 0 && p.pointValue() <= 1_000_000_000L, "pointValue", "must be 0 to 1,000,000,000");
        days(v, "creditExpiryDays", p.creditExpiryDays());
        days(v, "pointsExpiryDays", p.pointsExpiryDays());
        for (var points : new Object[][] {{"signupPoints", p.signupPoints()}, {"referralPoints", p.referralPoints()},
            {"reviewPoints", p.reviewPoints()}, {"socialPoints", p.socialPoints()}, {"surveyPoints", p.surveyPoints()}}) {
            long value = (Long) points[1];
            v.check(value >= 0 && value <= 1_000_000_000L, (String) points[0], "must be 0 to 1,000,000,000");
        }
        v.throwIfInvalid();
        return p;
    }

    private static void percent(Validation v, String field, BigDecimal value) {
        v.check(value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0
            && value.scale() <= 4, field, "must be a percentage from 0 to 100 with at most 4 decimals");
    }

    private static void days(Validation v, String field, Integer value) {
        v.check(value == null || (value >= 0 && value <= 3650), field, "must be 0 (never) to 3650 days");
    }
}

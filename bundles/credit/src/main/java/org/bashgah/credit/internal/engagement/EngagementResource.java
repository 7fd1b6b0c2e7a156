package org.bashgah.credit.internal.engagement;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.LedgerEntry;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.credit.internal.policy.Policies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/members/{id}/engagements}: points for a review or a social engagement, under the
 * policy's {@code reviewPoints} / {@code socialPoints}; paid once per {@code ref} (a second post of the
 * same kind and ref answers 200 with the first entries).
 */
@Component(service = EngagementResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/members/{id}/engagements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EngagementResource {
    private final MemberService members;
    private final LedgerService ledger;
    private final Policies policies;
    private final BranchService branches;

    @Activate
    public EngagementResource(@Reference MemberService members, @Reference LedgerService ledger,
                              @Reference Policies policies, @Reference BranchService branches) {
        this.members = members;
        this.ledger = ledger;
        this.policies = policies;
        this.branches = branches;
    }

    /** The body: what the member did ({@code REVIEW} or {@code SOCIAL}) and a reference to it, e.g. the review's id. */
    public record Engagement(String kind, String ref, String branch) {
    }

    /** What was paid. */
    public record Paid(String kind, String ref, long points, List<LedgerEntry> entries) {
    }

    @POST
    public Response engage(@PathParam("id") String memberId, Engagement engagement, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (engagement == null) throw new org.bashgah.core.api.BashgahException.Invalid(
            List.of(new org.bashgah.core.api.FieldError("body", "kind and ref are required")));
        new Validation().require("kind", engagement.kind())
            .check(engagement.kind() == null || List.of("REVIEW", "SOCIAL").contains(engagement.kind()), "kind",
                "must be REVIEW or SOCIAL")
            .require("ref", engagement.ref())
            .check(engagement.ref() == null || engagement.ref().matches("[\\p{L}\\p{N}._:/#-]{1,80}"), "ref",
                "must be 1-80 letters, digits or . _ : / # -")
            .code("branch", engagement.branch()).throwIfInvalid();
        String branch = engagement.branch() == null ? caller.branch() : engagement.branch();
        if (branch != null) {
            caller.requireBranch(branch);
            if (branches.find(caller.organisationId(), branch).isEmpty()) {
                throw new org.bashgah.core.api.BashgahException.Rejected("branch", "no branch " + branch);
            }
        }
        if (members.find(caller.organisationId(), memberId).isEmpty()) throw new NotFound("no member " + memberId);
        CreditPolicy policy = policies.effective(caller.organisationId(), branch);
        long points = "REVIEW".equals(engagement.kind()) ? policy.reviewPoints() : policy.socialPoints();
        String key = Keys.of("engagement", engagement.kind(), memberId, engagement.ref());
        List<LedgerEntry> before = ledger.entries(caller.organisationId(), memberId, 0, 1);
        List<LedgerEntry> entries;
        try {
            entries = points == 0 ? List.of() : ledger.post(caller.organisationId(), memberId, key,
                List.of(new LedgerService.Posting(Account.points(), points, EntryKind.EARN,
                    "engagement:" + engagement.kind(), engagement.kind().toLowerCase() + " " + engagement.ref(), null)),
                caller.actor());
        } catch (org.bashgah.core.api.BashgahException.Conflict paidBefore) {
            // paid for this ref already, under a policy that paid another amount: once is once
            return Response.ok(new Paid(engagement.kind(), engagement.ref(), 0, List.of())).build();
        }
        boolean written = !entries.isEmpty() && (before.isEmpty() || entries.get(0).id() > before.get(0).id());
        return Response.status(written ? 201 : 200)
            .entity(new Paid(engagement.kind(), engagement.ref(), points, entries)).build();
    }
}

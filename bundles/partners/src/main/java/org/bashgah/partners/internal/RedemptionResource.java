package org.bashgah.partners.internal;

import java.time.Instant;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/partners/redemptions}: a member spends partner credit, or points pooled with the partner, at one
 * of our branches (the till then posts the purchase for what is left to pay). See {@link CreditResource} for a member's partner credit.
 * The same idempotency key again answers 200 with the first answer and writes nothing.
 */
@Component(service = RedemptionResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/redemptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedemptionResource {
    private final CrossCredit credit;
    private final Agreements agreements;

    @Activate
    public RedemptionResource(@Reference CrossCredit credit, @Reference Agreements agreements) {
        this.credit = credit;
        this.agreements = agreements;
    }

    /** The answer to a redemption: the line is what both sides see of it. */
    public record RedemptionView(long id, String member, String branch, String issuer, long amount, long points,
                                 String purchase, long balance, Settlements.Line settlementLine, Instant at) {
    }

    @POST
    public Response redeem(CrossCredit.RedemptionRequest request, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        CrossCredit.Redeemed r = credit.redeem(caller, request);
        var x = r.redemption();
        var l = r.line();
        var line = new Settlements.Line(l.id, l.at, l.agreementId, l.amount, "PARTNER_OWES_US", l.memberRef,
            l.purchaseRef, l.note);
        var view = new RedemptionView(x.id, x.memberId, x.branch, agreements.code(x.issuerOrg), x.amount,
            x.points, x.purchaseRef, r.balance(), line, x.createdAt);
        return Response.status(r.created() ? 201 : 200).entity(view).build();
    }
}

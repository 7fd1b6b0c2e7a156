package org.bashgah.core.internal.purchase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.internal.rest.Callers;
import org.bashgah.core.internal.rest.JsonProvider;
import org.bashgah.core.internal.rest.ProblemException;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/purchases}: the point-of-sale hot path. 201 when written, 200 for a replayed key. */
@Component(service = PurchaseResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PurchaseResource {
    /** How far ahead of the server's clock a till's clock may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Purchases purchases;

    @Activate
    public PurchaseResource(@Reference Purchases purchases) {
        this.purchases = purchases;
    }

    @POST
    public Response post(PurchaseRequest request, @Context SecurityContext security) {
        if (request == null) throw ProblemException.invalid("body", "a purchase is required");
        Validation v = new Validation()
            .require("idempotencyKey", request.idempotencyKey())
            .text("idempotencyKey", request.idempotencyKey(), 100)
            .require("member", request.member())
            .text("member", request.member(), 40)
            .require("branch", request.branch())
            .code("branch", request.branch())
            .require("amount", request.amount())
            .positive("amount", request.amount())
            .check(request.at() == null || request.at().isBefore(OffsetDateTime.now().plus(CLOCK_SKEW)), "at",
                "is in the future");
        List<PurchaseRequest.Line> lines = request.lines();
        if (lines != null) {
            v.check(lines.size() <= 200, "lines", "has more than 200 lines");
            long sum = 0;
            for (int i = 0; i < lines.size() && i < 200; i++) {
                PurchaseRequest.Line line = lines.get(i);
                if (line == null) {
                    v.add("lines[" + i + "]", "is empty");
                    continue;
                }
                v.require("lines[" + i + "].productGroup", line.productGroup())
                    .code("lines[" + i + "].productGroup", line.productGroup())
                    .require("lines[" + i + "].amount", line.amount())
                    .positive("lines[" + i + "].amount", line.amount());
                if (line.amount() != null && line.amount() > 0 && line.amount() <= Validation.MAX_AMOUNT) sum += line.amount();
            }
            if (v.ok() && request.amount() != null && !lines.isEmpty()) {
                v.check(sum == request.amount(), "lines", "add up to " + sum + ", not to the amount " + request.amount());
            }
        }
        if (request.redeem() != null) {
            v.notNegative("redeem.sharedCredit", request.redeem().sharedCredit())
                .notNegative("redeem.branchCredit", request.redeem().branchCredit())
                .notNegative("redeem.points", request.redeem().points());
        }
        v.throwIfInvalid();
        Purchases.Outcome outcome = purchases.post(Callers.of(security), request);
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.body()).build();
    }

    @GET
    @Path("{id}")
    public PurchaseView get(@PathParam("id") String id, @Context SecurityContext security) {
        return purchases.find(Callers.of(security), id).orElseThrow(() -> new NotFound("no purchase " + id));
    }

    @POST
    @Path("{id}/refund")
    public Response refund(@PathParam("id") String id, RefundRequest request, @Context SecurityContext security) {
        if (request == null) throw ProblemException.invalid("body", "a refund is required");
        Validation v = new Validation()
            .require("idempotencyKey", request.idempotencyKey())
            .text("idempotencyKey", request.idempotencyKey(), 100);
        if (request.lines() != null) {
            for (int i = 0; i < request.lines().size(); i++) {
                PurchaseRequest.Line line = request.lines().get(i);
                if (line == null) {
                    v.add("lines[" + i + "]", "is empty");
                    continue;
                }
                v.require("lines[" + i + "].productGroup", line.productGroup())
                    .require("lines[" + i + "].amount", line.amount())
                    .positive("lines[" + i + "].amount", line.amount());
            }
        }
        v.throwIfInvalid();
        Purchases.Outcome outcome = purchases.refund(Callers.of(security), id, request);
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.body()).build();
    }
}

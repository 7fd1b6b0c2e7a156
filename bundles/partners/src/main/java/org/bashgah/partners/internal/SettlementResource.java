package org.bashgah.partners.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.bashgah.core.api.Validation;
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
 * {@code /api/v1/partners/settlements}: the settlements that close what a partner and we owe each other, by
 * recorded payments. Managers read; chain admins settle and record payments. Only partners we have an agreement
 * with are known here (else 404).
 */
@Component(service = SettlementResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettlementResource {
    private final Settlements settlements;

    @Activate
    public SettlementResource(@Reference Settlements settlements) {
        this.settlements = settlements;
    }

    @GET
    public List<Settlements.Settlement> list(@QueryParam("partner") String partner, @Context SecurityContext security) {
        return settlements.list((Caller) security.getUserPrincipal(), partner);
    }

    @POST
    public Response settle(Settlements.SettlementRequest request, @Context SecurityContext security) {
        return Response.status(201).entity(settlements.settle((Caller) security.getUserPrincipal(), request)).build();
    }

    @GET
    @Path("{id}")
    public Settlements.Settlement get(@PathParam("id") String id, @Context SecurityContext security) {
        return settlements.get((Caller) security.getUserPrincipal(), Ids.parse(id, "settlement"));
    }

    @POST
    @Path("{id}/payments")
    public Response pay(@PathParam("id") String id, Settlements.PaymentRequest request,
                        @Context SecurityContext security) {
        return Response.status(201).entity(settlements.pay((Caller) security.getUserPrincipal(),
            Ids.parse(id, "settlement"), request)).build();
    }
}

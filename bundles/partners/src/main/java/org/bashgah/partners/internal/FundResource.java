package org.bashgah.partners.internal;

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
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/partners/funds}: the shared fund of two partners, each side's share and every movement. Managers
 * read; chain admins create the fund, deposit and withdraw (the same idempotency key again answers 200 with the
 * first answer and writes nothing). Settlements are paid from it by {@code POST /api/v1/partners/settlements/{id}/
 * payments {"fromFund": true}}.
 */
@Component(service = FundResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundResource {
    private final Funds funds;

    @Activate
    public FundResource(@Reference Funds funds) {
        this.funds = funds;
    }

    @GET
    public List<Funds.Fund> list(@Context SecurityContext security) {
        return funds.list(caller(security));
    }

    @POST
    public Response create(Funds.FundRequest request, @Context SecurityContext security) {
        return Response.status(201).entity(funds.create(caller(security), request)).build();
    }

    @GET
    @Path("{id}")
    public Funds.Fund get(@PathParam("id") String id, @Context SecurityContext security) {
        return funds.get(caller(security), Ids.parse(id, "shared fund"));
    }

    @POST
    @Path("{id}/deposits")
    public Response deposit(@PathParam("id") String id, Funds.MovementRequest request,
                            @Context SecurityContext security) {
        return answer(funds.deposit(caller(security), Ids.parse(id, "shared fund"), request));
    }

    @POST
    @Path("{id}/withdrawals")
    public Response withdraw(@PathParam("id") String id, Funds.MovementRequest request,
                             @Context SecurityContext security) {
        return answer(funds.withdraw(caller(security), Ids.parse(id, "shared fund"), request));
    }

    private static Response answer(Funds.Moved moved) {
        return Response.status(moved.created() ? 201 : 200).entity(moved.fund()).build();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}

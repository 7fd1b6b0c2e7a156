package org.bashgah.partners.internal;

import java.util.List;
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
 * {@code /api/v1/partners/lotteries}: joint lotteries with partners. The organiser's chain admin creates and draws;
 * every participant's managers read it (commitment first, seed, ticket list and winners after the draw).
 */
@Component(service = LotteryResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/lotteries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LotteryResource {
    private final Lotteries lotteries;

    @Activate
    public LotteryResource(@Reference Lotteries lotteries) {
        this.lotteries = lotteries;
    }

    @GET
    public List<Lotteries.Lottery> list(@Context SecurityContext security) {
        return lotteries.list((Caller) security.getUserPrincipal());
    }

    @POST
    public Response create(Lotteries.LotteryRequest request, @Context SecurityContext security) {
        return Response.status(201).entity(lotteries.create((Caller) security.getUserPrincipal(), request)).build();
    }

    @GET
    @Path("{id}")
    public Lotteries.Lottery get(@PathParam("id") String id, @Context SecurityContext security) {
        return lotteries.get((Caller) security.getUserPrincipal(), Ids.parse(id, "lottery"));
    }

    @GET
    @Path("{id}/tickets")
    public List<Lotteries.Ticket> tickets(@PathParam("id") String id, @Context SecurityContext security) {
        return lotteries.tickets((Caller) security.getUserPrincipal(), Ids.parse(id, "lottery"));
    }

    @POST
    @Path("{id}/draw")
    public Lotteries.Lottery draw(@PathParam("id") String id, @Context SecurityContext security) {
        return lotteries.draw((Caller) security.getUserPrincipal(), Ids.parse(id, "lottery"));
    }
}

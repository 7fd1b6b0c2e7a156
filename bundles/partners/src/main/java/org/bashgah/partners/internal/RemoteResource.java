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
 * {@code /api/v1/partners/remotes}: partners on other Bashgah servers (chain admins register them with the key id
 * and secret agreed with the other side), a signed ping to check the link, the messages they sent us and the
 * messages we send them (agreements, consents, partner credit, settlement lines) with whether they took each.
 */
@Component(service = RemoteResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/remotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemoteResource {
    private final Remotes remotes;
    private final Outbox outbox;

    @Activate
    public RemoteResource(@Reference Remotes remotes, @Reference Outbox outbox) {
        this.remotes = remotes;
        this.outbox = outbox;
    }

    @GET
    public List<Remotes.Remote> list(@Context SecurityContext security) {
        return remotes.list((Caller) security.getUserPrincipal());
    }

    @POST
    public Response register(Remotes.RemoteRequest request, @Context SecurityContext security) {
        return Response.status(201).entity(remotes.register((Caller) security.getUserPrincipal(), request)).build();
    }

    @POST
    @Path("{code}/ping")
    public Remotes.Sent ping(@PathParam("code") String code, @Context SecurityContext security) {
        return remotes.send((Caller) security.getUserPrincipal(), code, "{\"type\":\"ping\"}");
    }

    @GET
    @Path("{code}/messages")
    public List<Remotes.Message> messages(@PathParam("code") String code, @Context SecurityContext security) {
        return remotes.messages((Caller) security.getUserPrincipal(), code);
    }

    @GET
    @Path("{code}/outbox")
    public List<Outbox.Message> outbox(@PathParam("code") String code, @Context SecurityContext security) {
        return outbox.list((Caller) security.getUserPrincipal(), code);
    }
}

package org.bashgah.core.internal.organisation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.internal.rest.Callers;
import org.bashgah.core.internal.rest.JsonProvider;
import org.bashgah.core.internal.rest.ProblemException;
import org.bashgah.core.api.Validation;
import org.bashgah.core.internal.security.Caller;
import org.bashgah.core.internal.security.Role;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.internal.security.Users;

/**
 * {@code /api/v1/organisations}: the server administrator adds organisations (a chain, or a shop of a
 * mall), each with its own chain admin; everyone else sees only their own organisation.
 */
@Component(service = OrganisationResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {
    private final Database db;

    @Activate
    public OrganisationResource(@Reference Database db) {
        this.db = db;
    }

    /** Body of POST: the organisation and its first chain admin. */
    public record OrganisationRequest(String code, String name, String currency, String timeZone, String calendar,
                                      Admin admin) {
        /** The organisation's first chain-admin user. */
        public record Admin(String user, String password) {
        }
    }

    @GET
    public List<Organisation> list(@Context SecurityContext security) {
        Caller caller = Callers.of(security);
        return db.read(em -> em.createQuery("select o from OrganisationEntity o order by o.createdAt",
                OrganisationEntity.class).getResultList().stream()
            .filter(o -> caller.serverAdmin() || o.id.equals(caller.organisationId()))
            .map(OrganisationEntity::toApi).toList());
    }

    @POST
    public Response create(OrganisationRequest request, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireServerAdmin();
        if (request == null) throw ProblemException.invalid("body", "an organisation is required");
        Validation v = new Validation().require("code", request.code()).code("code", request.code())
            .require("name", request.name()).name("name", request.name(), 200)
            .check(request.currency() == null || request.currency().matches("[A-Z]{3}"), "currency",
                "must be a three-letter code such as IRR")
            .check(request.calendar() == null || request.calendar().matches("persian|gregorian"), "calendar",
                "must be persian or gregorian")
            .require("admin", request.admin());
        if (request.timeZone() != null) {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                v.add("timeZone", "is not a time zone id such as Asia/Tehran");
            }
        }
        if (request.admin() != null) {
            v.require("admin.user", request.admin().user()).code("admin.user", request.admin().user())
                .require("admin.password", request.admin().password());
        }
        v.throwIfInvalid();
        Organisation created = db.inTransaction(em -> {
            OrganisationEntity org = Organisations.create(em, request.code(), request.name().strip(),
                request.currency() == null ? "IRR" : request.currency(),
                request.timeZone() == null ? "Asia/Tehran" : request.timeZone(),
                request.calendar() == null ? "persian" : request.calendar());
            Users.create(em, org.id, request.admin().user(), request.admin().password(), Role.CHAIN_ADMIN, null, false);
            AuditLog.record(em, caller, "organisation.create", org.code, "admin " + request.admin().user());
            return org.toApi();
        });
        return Response.status(201).entity(created).build();
    }
}

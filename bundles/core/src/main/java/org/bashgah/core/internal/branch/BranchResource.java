package org.bashgah.core.internal.branch;

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
import org.bashgah.core.api.Branch;

/** {@code /api/v1/branches}. Chain admins manage them; a branch-bound caller sees only its own branch. */
@Component(service = BranchResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/branches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BranchResource {
    private final Database db;
    private final Branches branches;

    @Activate
    public BranchResource(@Reference Database db, @Reference Branches branches) {
        this.db = db;
        this.branches = branches;
    }

    /**
     * Body of POST and PATCH. {@code timeZone}: the branch's own IANA zone; absent (or {@code ""}) it keeps the
     * organisation's, and on PATCH {@code ""} gives the organisation's back.
     */
    public record BranchRequest(String code, String name, Boolean active, String timeZone) {
    }

    @POST
    public Response create(BranchRequest request, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN);
        if (request == null) throw ProblemException.invalid("body", "a branch is required");
        new Validation().require("code", request.code()).code("code", request.code())
            .require("name", request.name()).name("name", request.name(), 200)
            .check(request.active() == null || request.active(), "active", "a new branch is active")
            .timeZone("timeZone", ownZone(request.timeZone()))
            .throwIfInvalid();
        Branch created = db.inTransaction(em -> {
            BranchEntity b = Branches.create(em, caller.organisationId(), request.code(), request.name().strip(),
                ownZone(request.timeZone()));
            AuditLog.record(em, caller, "branch.create", b.code, b.name + (b.timeZone == null ? "" : " " + b.timeZone));
            return b.toApi(Branches.organisationZone(em, caller.organisationId()));
        });
        return Response.status(201).entity(created).build();
    }

    @GET
    public List<Branch> list(@Context SecurityContext security) {
        Caller caller = Callers.of(security);
        return db.read(em -> {
            String zone = Branches.organisationZone(em, caller.organisationId());
            return Branches.list(em, caller.organisationId()).stream()
                .filter(b -> caller.mayUseBranch(b.code)).map(b -> b.toApi(zone)).toList();
        });
    }

    @GET
    @Path("{code}")
    public Branch get(@PathParam("code") String code, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireBranch(code);
        return db.read(em -> Branches.require(em, caller.organisationId(), code)
            .toApi(Branches.organisationZone(em, caller.organisationId())));
    }

    @PATCH
    @Path("{code}")
    public Branch update(@PathParam("code") String code, BranchRequest request, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN);
        if (request == null) throw ProblemException.invalid("body", "changes are required");
        new Validation().check(request.code() == null || request.code().equals(code), "code", "cannot be changed")
            .check(request.name() == null || !request.name().isBlank(), "name", "must not be blank")
            .name("name", request.name(), 200).timeZone("timeZone", ownZone(request.timeZone())).throwIfInvalid();
        Branch updated = db.inTransaction(em -> {
            BranchEntity b = Branches.require(em, caller.organisationId(), code);
            if (request.name() != null) b.name = request.name().strip();
            if (request.active() != null) b.active = request.active();
            if (request.timeZone() != null) b.timeZone = ownZone(request.timeZone());
            AuditLog.record(em, caller, "branch.update", b.code, "name=" + b.name + " active=" + b.active
                + " timeZone=" + (b.timeZone == null ? "organisation's" : b.timeZone));
            return b.toApi(Branches.organisationZone(em, caller.organisationId()));
        });
        // after the commit: a purchase that reads the branch again now sees the change
        branches.forget(caller.organisationId(), code);
        return updated;
    }

    /** The zone a request gives the branch of its own: null for none ({@code ""} too). */
    private static String ownZone(String timeZone) {
        return timeZone == null || timeZone.isEmpty() ? null : timeZone;
    }
}

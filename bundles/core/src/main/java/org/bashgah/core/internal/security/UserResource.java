package org.bashgah.core.internal.security;

import java.time.Instant;
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
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.bashgah.core.api.BashgahException.Forbidden;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.internal.branch.Branches;

/**
 * {@code /api/v1/users}: the people who log in. A chain admin manages every user of the organisation; a
 * branch manager manages the operators of its branch.
 */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    private final Database db;

    @Activate
    public UserResource(@Reference Database db) {
        this.db = db;
    }

    public record UserRequest(String user, String password, String role, String branch, Boolean active) {
    }

    public record UserView(String user, String role, String branch, boolean active, Instant createdAt) {
        static UserView of(UserEntity u) {
            return new UserView(u.username, u.role, u.branch, u.active, u.createdAt);
        }
    }

    @POST
    public Response create(UserRequest request, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        if (request == null) throw ProblemException.invalid("body", "a user is required");
        Role role = Role.of(request.role());
        new Validation().require("user", request.user()).code("user", request.user())
            .require("password", request.password())
            .require("role", request.role())
            .check(request.role() == null || (role != null && role != Role.POS), "role",
                "must be chain-admin, branch-manager or operator")
            .check(role != Role.CHAIN_ADMIN || request.branch() == null, "branch", "a chain admin has no branch")
            .check(role == null || role == Role.CHAIN_ADMIN || request.branch() != null, "branch",
                "is required for " + request.role())
            .code("branch", request.branch())
            .throwIfInvalid();
        checkManages(caller, role, request.branch());
        UserView created = db.inTransaction(em -> {
            if (request.branch() != null) Branches.requireActive(em, caller.organisationId(), request.branch(), "branch");
            UserEntity u = Users.create(em, caller.organisationId(), request.user(), request.password(), role,
                request.branch(), false);
            if (Boolean.FALSE.equals(request.active())) u.active = false;
            AuditLog.record(em, caller, "user.create", u.username, role.text() + (u.branch == null ? "" : " @" + u.branch));
            return UserView.of(u);
        });
        return Response.status(201).entity(created).build();
    }

    @GET
    public List<UserView> list(@Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        return db.read(em -> Users.list(em, caller.organisationId()).stream()
            .filter(u -> !caller.isBranchBound() || caller.branch().equals(u.branch))
            .map(UserView::of).toList());
    }

    /** Changes role, branch, active, or sets a new password (which ends the user's sessions). */
    @PATCH
    @Path("{user}")
    public UserView update(@PathParam("user") String username, UserRequest request, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        if (request == null) throw ProblemException.invalid("body", "changes are required");
        new Validation().check(request.user() == null || request.user().equals(username), "user", "cannot be changed")
            .check(request.role() == null || (Role.of(request.role()) != null && Role.of(request.role()) != Role.POS),
                "role", "must be chain-admin, branch-manager or operator")
            .code("branch", request.branch()).throwIfInvalid();
        return db.inTransaction(em -> {
            UserEntity u = Users.require(em, caller.organisationId(), username);
            checkManages(caller, Role.of(u.role), u.branch);
            Role role = request.role() == null ? Role.of(u.role) : Role.of(request.role());
            String branch = request.branch() == null ? u.branch : request.branch();
            if (role == Role.CHAIN_ADMIN) branch = null;
            if (role != Role.CHAIN_ADMIN && branch == null) throw new Rejected("branch", "is required for " + role.text());
            checkManages(caller, role, branch);
            if (branch != null) Branches.requireActive(em, caller.organisationId(), branch, "branch");
            if (u.serverAdmin && (role != Role.CHAIN_ADMIN || Boolean.FALSE.equals(request.active()))) {
                throw new Rejected("role", "the server administrator stays an active chain admin");
            }
            u.role = role.text();
            u.branch = branch;
            if (request.active() != null) u.active = request.active();
            if (request.password() != null) Users.setPassword(em, u, request.password());
            AuditLog.record(em, caller, "user.update", u.username, u.role + (u.branch == null ? "" : " @" + u.branch)
                + " active=" + u.active + (request.password() != null ? " password" : ""));
            return UserView.of(u);
        });
    }

    /** A branch manager manages only operators of its own branch. */
    private static void checkManages(Caller caller, Role role, String branch) {
        if (caller.role() == Role.CHAIN_ADMIN) return;
        if (role != Role.OPERATOR || branch == null || !caller.mayUseBranch(branch)) {
            throw new Forbidden("a branch manager manages only the operators of branch " + caller.branch());
        }
    }
}

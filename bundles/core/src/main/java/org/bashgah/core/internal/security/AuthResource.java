package org.bashgah.core.internal.security;

import java.time.Instant;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.core.HttpHeaders;
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
import org.bashgah.core.internal.rest.Problem;

/** {@code /api/v1/auth}: log in for a token, log out, who am I, change my password. */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final Authenticator authenticator;
    private final Database db;

    @Activate
    public AuthResource(@Reference Authenticator authenticator, @Reference Database db) {
        this.authenticator = authenticator;
        this.db = db;
    }

    public record Login(String user, String password) {
    }

    public record Token(String token, Instant expiresAt) {
    }

    public record Me(String user, String organisation, String role, String branch, boolean serverAdmin) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @POST
    @Path("token")
    public Response login(Login login) {
        if (login == null) throw ProblemException.invalid("body", "user and password are required");
        new Validation().require("user", login.user()).text("user", login.user(), 64)
            .require("password", login.password()).text("password", login.password(), 200).throwIfInvalid();
        return authenticator.login(login.user(), login.password())
            .map(t -> Response.ok(new Token(t.token(), t.expiresAt())).build())
            .orElseGet(() -> Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthorized", "Unauthorized", "user name or password is wrong", null))
                .build());
    }

    @DELETE
    @Path("token")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.logout(authorization.substring(7).trim());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public Me me(@Context SecurityContext security) {
        Caller c = Callers.of(security);
        return new Me(c.actor(), c.organisationId(), c.role().text(), c.branch(), c.serverAdmin());
    }

    @POST
    @Path("password")
    public Response changePassword(PasswordChange change, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        if (change == null) throw ProblemException.invalid("body", "currentPassword and newPassword are required");
        new Validation().require("currentPassword", change.currentPassword()).require("newPassword", change.newPassword())
            .throwIfInvalid();
        db.inTransaction(em -> {
            UserEntity user = Users.findByName(em, caller.actor());
            if (user == null) throw new org.bashgah.core.api.BashgahException.Forbidden("only users have passwords");
            if (!Secrets.passwordMatches(change.currentPassword(), user.passwordHash)) {
                throw new org.bashgah.core.api.BashgahException.Rejected("currentPassword", "is wrong");
            }
            Users.setPassword(em, user, change.newPassword());
            AuditLog.record(em, caller, "user.password", user.username, null);
            return null;
        });
        return Response.noContent().build();
    }
}

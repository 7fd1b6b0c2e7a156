package org.bashgah.core.internal.audit;

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
import org.bashgah.core.internal.security.Caller;
import org.bashgah.core.internal.security.Role;

/** {@code GET /api/v1/audit}: who changed what, newest first; managers see only their branch. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final Database db;

    @Activate
    public AuditResource(@Reference Database db) {
        this.db = db;
    }

    public record AuditLine(long id, Instant at, String actor, String branch, String action, String target,
                            String detail) {
    }

    @GET
    public List<AuditLine> list(@QueryParam("limit") String limitText, @QueryParam("before") String beforeText,
                                @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        Validation v = new Validation();
        int limit = (int) v.number("limit", limitText, 100, 1, 1000);
        long before = v.number("before", beforeText, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        return db.read(em -> AuditLog.list(em, caller, before, limit).stream()
            .map(a -> new AuditLine(a.id, a.at, a.actor, a.branch, a.action, a.target, a.detail)).toList());
    }
}

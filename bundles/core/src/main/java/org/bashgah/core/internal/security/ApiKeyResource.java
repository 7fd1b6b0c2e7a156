package org.bashgah.core.internal.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.internal.branch.Branches;

/**
 * {@code /api/v1/api-keys}: keys for point-of-sale systems. The key is returned once, at creation, and
 * stored only as a hash. Chain admins manage every key; a branch manager only its branch's keys.
 */
@Component(service = ApiKeyResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    private final Database db;
    private final Authenticator authenticator;

    @Activate
    public ApiKeyResource(@Reference Database db, @Reference Authenticator authenticator) {
        this.db = db;
        this.authenticator = authenticator;
    }

    public record KeyRequest(String branch, String name) {
    }

    public record CreatedKey(String id, String key, String branch, String name) {
    }

    public record KeyView(String id, String branch, String name, Instant createdAt, String createdBy,
                          Instant revokedAt) {
    }

    @POST
    public Response create(KeyRequest request, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        if (request == null) throw ProblemException.invalid("body", "name is required");
        new Validation().require("name", request.name()).name("name", request.name(), 100)
            .code("branch", request.branch()).throwIfInvalid();
        if (request.branch() == null && caller.isBranchBound()) {
            throw new org.bashgah.core.api.BashgahException.Forbidden("only a chain admin may make a chain-wide key");
        }
        String key = Secrets.newSecret(Authenticator.KEY_PREFIX);
        CreatedKey created = db.inTransaction(em -> {
            if (request.branch() != null) {
                Branches.requireActive(em, caller.organisationId(), request.branch(), "branch");
                caller.requireBranch(request.branch());
            }
            ApiKeyEntity row = new ApiKeyEntity();
            row.id = UUID.randomUUID().toString();
            row.organisationId = caller.organisationId();
            row.branch = request.branch();
            row.name = request.name().strip();
            row.keyHash = Secrets.sha256(key);
            row.createdAt = Instant.now();
            row.createdBy = caller.actor();
            em.persist(row);
            AuditLog.record(em, caller, "api-key.create", row.id, row.name + (row.branch == null ? "" : " @" + row.branch));
            return new CreatedKey(row.id, key, row.branch, row.name);
        });
        return Response.status(201).entity(created).build();
    }

    @GET
    public List<KeyView> list(@Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        return db.read(em -> em.createQuery("select k from ApiKeyEntity k where k.organisationId = :o"
                + " order by k.createdAt", ApiKeyEntity.class)
            .setParameter("o", caller.organisationId()).getResultList().stream()
            .filter(k -> k.branch == null ? !caller.isBranchBound() : caller.mayUseBranch(k.branch))
            .map(k -> new KeyView(k.id, k.branch, k.name, k.createdAt, k.createdBy, k.revokedAt)).toList());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER);
        db.inTransaction(em -> {
            ApiKeyEntity row = em.find(ApiKeyEntity.class, id);
            if (row == null || !row.organisationId.equals(caller.organisationId())) throw new NotFound("no API key " + id);
            if (row.branch == null ? caller.isBranchBound() : !caller.mayUseBranch(row.branch)) {
                throw new org.bashgah.core.api.BashgahException.Forbidden("this key belongs to another branch");
            }
            if (row.revokedAt == null) {
                row.revokedAt = Instant.now();
                AuditLog.record(em, caller, "api-key.revoke", row.id, row.name);
            }
            return null;
        });
        authenticator.keyRevoked();
        return Response.noContent().build();
    }
}

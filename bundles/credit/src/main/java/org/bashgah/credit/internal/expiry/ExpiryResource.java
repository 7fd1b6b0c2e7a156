package org.bashgah.credit.internal.expiry;

import java.time.Instant;
import java.time.OffsetDateTime;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.Rest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/credit/expiry/run {"asOf": "..."}}: runs expiry now for the caller's organisation
 * (chain admins), e.g. after changing the clock in a test or to catch up after downtime. Without
 * {@code asOf}, as of now.
 */
@Component(service = ExpiryResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/credit/expiry/run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpiryResource {
    private final ExpiryRuns runs;

    @Activate
    public ExpiryResource(@Reference ExpiryRuns runs) {
        this.runs = runs;
    }

    public record RunRequest(OffsetDateTime asOf) {
    }

    public record RunResult(Instant asOf, int lots, long amount) {
    }

    @POST
    public RunResult run(RunRequest request, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        Instant asOf = request == null || request.asOf() == null ? Instant.now() : request.asOf().toInstant();
        LedgerService.ExpiryRun run = runs.run(caller.organisationId(), asOf, caller.actor());
        return new RunResult(asOf, run.lots(), run.amount());
    }
}

package org.bashgah.core.internal.ledger;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.internal.rest.Callers;
import org.bashgah.core.internal.rest.JsonProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/ledger/verify}: what {@code bashgah:ledger-verify} reports, for monitoring and for
 * checks after a crash; the server administrator only, since it reads every organisation's ledger.
 */
@Component(service = LedgerVerifyResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/ledger/verify")
public class LedgerVerifyResource {
    private final LedgerVerifier verifier;

    @Activate
    public LedgerVerifyResource(@Reference LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LedgerVerifier.Report verify(@Context SecurityContext security) {
        Callers.of(security).requireServerAdmin();
        return verifier.verify();
    }
}

package org.bashgah.partners.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.bashgah.core.api.Validation;
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
 * {@code /api/v1/partners/statements?partner=&from=&to=}: the settlement lines with a partner over a period (UTC
 * days, both included), signed from our side, and the totals. Managers read.
 */
@Component(service = StatementResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatementResource {
    private final Settlements settlements;

    @Activate
    public StatementResource(@Reference Settlements settlements) {
        this.settlements = settlements;
    }

    @GET
    public Settlements.Statement statement(@QueryParam("partner") String partner, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @Context SecurityContext security) {
        Validation v = new Validation();
        LocalDate f = day(v, "from", from);
        LocalDate t = day(v, "to", to);
        v.throwIfInvalid();
        return settlements.statement((Caller) security.getUserPrincipal(), partner, f, t);
    }

    private static LocalDate day(Validation v, String field, String text) {
        if (text == null || text.isBlank()) {
            v.add(field, "is required (a date such as 2026-12-01)");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            v.add(field, "must be a date such as 2026-12-01");
            return null;
        }
    }

}

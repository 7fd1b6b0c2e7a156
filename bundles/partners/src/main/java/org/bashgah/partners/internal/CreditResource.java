package org.bashgah.partners.internal;

import java.time.Instant;
import java.util.Map;
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
 * {@code /api/v1/partners/credit/{member}}: a member of ours, its partner credit by issuing partner, and its points
 * pooled with partners (where an agreement in force pools them and the person consented at the partner).
 */
@Component(service = CreditResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/credit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditResource {
    private final CrossCredit credit;

    @Activate
    public CreditResource(@Reference CrossCredit credit) {
        this.credit = credit;
    }

    public record MemberCredit(String member, Map<String, Long> partnerCredit, CrossCredit.PooledPoints points) {
    }

    @GET
    @Path("{member}")
    public MemberCredit credit(@PathParam("member") String member, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        var found = credit.member(caller.organisationId(), member);
        return new MemberCredit(found.id(), credit.partnerCredit(caller, found.id()),
            credit.pooledPoints(caller, found.id()));
    }
}

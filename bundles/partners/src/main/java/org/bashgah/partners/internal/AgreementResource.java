package org.bashgah.partners.internal;

import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
 * {@code /api/v1/partners/agreements}: agreements with other organisations of this server, their approval by each
 * side, and our members' consents under them. Chain admins propose, approve and end; managers read; any staff
 * member or till records a member's consent. An agreement the caller's organisation is not a side of is a 404.
 */
@Component(service = AgreementResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/partners/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {
    private final Agreements agreements;
    private final CrossCredit credit;
    private final PartnersDatabase db;

    @Activate
    public AgreementResource(@Reference Agreements agreements, @Reference CrossCredit credit,
                             @Reference PartnersDatabase db) {
        this.agreements = agreements;
        this.credit = credit;
        this.db = db;
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    @GET
    public List<AgreementView> list(@Context SecurityContext security) {
        Caller caller = managers(caller(security));
        return agreements.list(caller.organisationId()).stream().map(a -> view(caller, a)).toList();
    }

    @POST
    public Response propose(Agreements.AgreementRequest request, @Context SecurityContext security) {
        Caller caller = caller(security);
        return Response.status(201).entity(view(caller, agreements.propose(caller, request))).build();
    }

    @GET
    @Path("{id}")
    public AgreementView get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = managers(caller(security));
        return view(caller, agreements.get(caller, Ids.parse(id, "agreement")));
    }

    @POST
    @Path("{id}/approve")
    public AgreementView approve(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        return view(caller, agreements.approve(caller, Ids.parse(id, "agreement")));
    }

    @POST
    @Path("{id}/end")
    public AgreementView end(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        return view(caller, agreements.end(caller, Ids.parse(id, "agreement")));
    }

    /** A consent as its own side sees it. */
    public record Consent(String member, long agreement, String note, boolean enrolAtPartner, Instant givenAt,
                          String givenBy) {
        static Consent of(ConsentEntity c) {
            return new Consent(c.memberId, c.agreementId, c.note, c.enrolAtPartner == 1, c.givenAt, c.givenBy);
        }
    }

    @GET
    @Path("{id}/consents")
    public List<Consent> consents(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = managers(caller(security));
        return credit.consents(caller, Ids.parse(id, "agreement")).stream().map(Consent::of).toList();
    }

    @POST
    @Path("{id}/consents")
    public Response consent(@PathParam("id") String id, CrossCredit.ConsentRequest request,
                            @Context SecurityContext security) {
        Caller caller = caller(security);
        return Response.status(201).entity(Consent.of(credit.consent(caller, Ids.parse(id, "agreement"), request)))
            .build();
    }

    private static Caller managers(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return caller;
    }

    AgreementView view(Caller caller, AgreementEntity a) {
        String us = caller.organisationId();
        String them = a.other(us);
        boolean weAreA = a.orgA.equals(us);
        AgreementView.Figures figures = db.read(em -> figures(em, a, us, them));
        return new AgreementView(a.id, a.name, agreements.code(them), agreements.name(them), a.status(),
            a.activeOn(Agreements.today()), a.validFrom, a.validTo, AgreementView.Terms.of(a.terms(us)),
            AgreementView.Terms.of(a.terms(them)), a.autoEnrol == 1, a.pointValue, weAreA, weAreA ? a.approvedAAt : a.approvedBAt,
            weAreA ? a.approvedBAt : a.approvedAAt, a.endedAt, figures);
    }

    private static AgreementView.Figures figures(EntityManager em, AgreementEntity a, String us, String them) {
        return new AgreementView.Figures(
            count(em, "select count(c) from ConsentEntity c where c.agreementId = :a and c.organisationId = :o", a.id, us),
            count(em, "select count(c) from ConsentEntity c where c.agreementId = :a and c.organisationId = :o", a.id, them),
            count(em, "select coalesce(sum(i.amount - i.takenBack), 0) from IssueEntity i where i.agreementId = :a and i.issuerOrg = :o",
                a.id, us),
            count(em, "select coalesce(sum(i.amount - i.takenBack), 0) from IssueEntity i where i.agreementId = :a and i.issuerOrg = :o",
                a.id, them),
            count(em, "select count(i) from IssueEntity i where i.agreementId = :a and i.issuerOrg = :o", a.id, us),
            count(em, "select count(i) from IssueEntity i where i.agreementId = :a and i.issuerOrg = :o", a.id, them),
            count(em, "select coalesce(sum(l.amount), 0) from SettlementLineEntity l where l.agreementId = :a"
                + " and l.creditorOrg = :o", a.id, us),
            count(em, "select coalesce(sum(l.amount), 0) from SettlementLineEntity l where l.agreementId = :a"
                + " and l.creditorOrg = :o", a.id, them),
            count(em, "select count(l) from SettlementLineEntity l where l.agreementId = :a and l.creditorOrg = :o",
                a.id, us),
            count(em, "select count(l) from SettlementLineEntity l where l.agreementId = :a and l.creditorOrg = :o",
                a.id, them));
    }

    private static long count(EntityManager em, String jpql, long agreement, String org) {
        Object n = em.createQuery(jpql).setParameter("a", agreement).setParameter("o", org).getSingleResult();
        return ((Number) n).longValue();
    }
}

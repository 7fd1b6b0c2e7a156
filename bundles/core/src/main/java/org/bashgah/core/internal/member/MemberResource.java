package org.bashgah.core.internal.member;

import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Balances;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.LedgerEntry;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.internal.CoreSettings;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.ledger.Ledger;
import org.bashgah.core.internal.purchase.MemberPurchase;
import org.bashgah.core.internal.purchase.Purchases;
import org.bashgah.core.internal.rest.Callers;
import org.bashgah.core.internal.rest.JsonProvider;
import org.bashgah.core.internal.rest.ProblemException;
import org.bashgah.core.api.Validation;
import org.bashgah.core.internal.security.Caller;
import org.bashgah.core.internal.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/members}: join, find, balances, ledger, purchase history and aggregates. */
@Component(service = MemberResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {
    private final Members members;
    private final Database db;
    private final CoreSettings settings;
    private final Purchases purchases;

    @Activate
    public MemberResource(@Reference Members members, @Reference Database db, @Reference CoreSettings settings,
                          @Reference Purchases purchases) {
        this.members = members;
        this.db = db;
        this.settings = settings;
        this.purchases = purchases;
    }

    @POST
    public Response join(MemberRequest request, @Context SecurityContext security) {
        if (request == null) throw ProblemException.invalid("body", "a member is required");
        Validation v = new Validation()
            .require("phone", request.phone())
            .name("name", request.name(), 200)
            .code("branch", request.branch())
            .check(request.birthDate() == null || !request.birthDate().isAfter(LocalDate.now()), "birthDate",
                "is in the future")
            .check(request.birthDate() == null || request.birthDate().getYear() >= 1900, "birthDate", "is before 1900");
        request.checkTags(v);
        v.throwIfInvalid();
        return Response.status(201).entity(members.join(Callers.of(security), request)).build();
    }

    /**
     * The member with {@code phone} (any accepted form), or else a page of members, newest first: those whose
     * name or phone contains {@code q} and who carry {@code tag}, each filter only when given (people only:
     * a point-of-sale key gets 403).
     */
    @GET
    public List<Member> find(@QueryParam("phone") String phone, @QueryParam("q") String q,
                             @QueryParam("tag") String tag, @QueryParam("limit") String limitText,
                             @QueryParam("offset") String offsetText, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        if (phone != null) {
            String e164 = PhoneNumbers.normalise(phone, settings.phoneRegion())
                .orElseThrow(() -> ProblemException.invalid("phone", "is not a valid phone number"));
            return db.read(em -> {
                MemberEntity m = Members.findByPhone(em, caller.organisationId(), e164);
                return m == null ? List.<Member>of() : List.of(m.toApi());
            });
        }
        // a listing is for people at the console: a point-of-sale key finds members by phone only
        caller.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER, Role.OPERATOR);
        Validation v = new Validation().text("q", q, 100).code("tag", tag == null || tag.isEmpty() ? null : tag);
        int limit = (int) v.number("limit", limitText, 50, 1, 200);
        int offset = (int) v.number("offset", offsetText, 0, 0, 1_000_000);
        v.throwIfInvalid();
        return db.read(em -> Members.search(em, caller.organisationId(), q, tag, limit, offset)
            .stream().map(MemberEntity::toApi).toList());
    }

    @GET
    @Path("{id}")
    public Member get(@PathParam("id") String id, @Context SecurityContext security) {
        return require(Callers.of(security), id).toApi();
    }

    @PATCH
    @Path("{id}")
    public Member update(@PathParam("id") String id, MemberRequest request, @Context SecurityContext security) {
        if (request == null) throw ProblemException.invalid("body", "changes are required");
        Validation v = new Validation()
            .check(request.phone() == null, "phone", "cannot be changed")
            .check(request.branch() == null, "branch", "cannot be changed")
            .check(request.referrerPhone() == null, "referrerPhone", "cannot be changed")
            .name("name", request.name(), 200)
            .check(request.birthDate() == null || !request.birthDate().isAfter(LocalDate.now()), "birthDate",
                "is in the future");
        request.checkTags(v);
        v.throwIfInvalid();
        Caller caller = Callers.of(security);
        require(caller, id);
        return members.update(caller, id, request);
    }

    @GET
    @Path("{id}/balances")
    public Balances balances(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        return db.read(em -> {
            MemberEntity m = requireIn(em, caller, id);
            return Ledger.balances(em, m.id, m.tier, caller.branch());
        });
    }

    @GET
    @Path("{id}/ledger")
    public List<LedgerEntry> ledger(@PathParam("id") String id, @QueryParam("limit") String limitText,
                                    @QueryParam("before") String beforeText, @Context SecurityContext security) {
        Validation v = new Validation();
        int limit = (int) v.number("limit", limitText, 50, 1, 500);
        long before = v.number("before", beforeText, 0, 0, Long.MAX_VALUE);
        v.throwIfInvalid();
        Caller caller = Callers.of(security);
        return db.read(em -> Ledger.entries(em, requireIn(em, caller, id).id, before, limit, caller.branch()));
    }

    /** What of the member's credit and points expires, and when; soonest first. */
    @GET
    @Path("{id}/expiring")
    public List<ExpiringLine> expiring(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        return db.read(em -> Ledger.expiringLots(em, requireIn(em, caller, id).id).stream()
            .filter(l -> {
                org.bashgah.core.api.Account account = org.bashgah.core.api.Account.parse(l.account);
                return !account.isBranchCredit() || caller.mayUseBranch(account.qualifier());
            })
            .map(l -> new ExpiringLine(l.account, l.remaining, l.expiresAt)).toList());
    }

    /** A lot that expires: how much of which account, when. */
    public record ExpiringLine(String account, long amount, java.time.Instant expiresAt) {
    }

    /** The member's purchases, newest first, page by page ({@code before}: the last id of the previous page). */
    @GET
    @Path("{id}/purchases")
    public List<MemberPurchase> purchases(@PathParam("id") String id, @QueryParam("limit") String limitText,
                                          @QueryParam("before") String before, @Context SecurityContext security) {
        Validation v = new Validation();
        int limit = (int) v.number("limit", limitText, 20, 1, 100);
        v.text("before", before, 40);
        v.throwIfInvalid();
        return purchases.history(Callers.of(security), id, before == null || before.isBlank() ? null : before, limit);
    }

    @GET
    @Path("{id}/stats")
    public MemberStats stats(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        return db.read(em -> Members.stats(em, requireIn(em, caller, id)));
    }

    private MemberEntity require(Caller caller, String id) {
        return db.read(em -> requireIn(em, caller, id));
    }

    private static MemberEntity requireIn(javax.persistence.EntityManager em, Caller caller, String id) {
        MemberEntity m = Members.find(em, caller.organisationId(), id);
        if (m == null) throw new NotFound("no member " + id);
        return m;
    }
}

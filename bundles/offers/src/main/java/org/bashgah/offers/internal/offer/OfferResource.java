package org.bashgah.offers.internal.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.bashgah.offers.internal.OffersSettings;
import org.bashgah.offers.internal.margin.Margins;
import org.bashgah.offers.internal.rules.Audience;
import org.bashgah.offers.internal.simulation.Replay;
import org.bashgah.offers.internal.simulation.Simulations;
import org.bashgah.offers.internal.targeting.Grants;
import org.bashgah.offers.internal.targeting.Performance;
import org.bashgah.offers.internal.targeting.Targeting;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/offers}: offers, their activation after a simulation, targeting runs, performance, the
 * margins they are checked against, and what a member may get now. Chain admins change offers; managers also
 * simulate and measure them; every caller of the organisation reads them (a branch-bound one only those of its
 * branch).
 */
@Component(service = OfferResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfferResource {
    private final Offers offers;
    private final Simulations simulations;
    private final Targeting targeting;
    private final Performance performance;
    private final Margins margins;
    private final Grants grants;
    private final MemberService members;
    private final OffersSettings settings;

    @Activate
    public OfferResource(@Reference Offers offers, @Reference Simulations simulations, @Reference Targeting targeting,
                         @Reference Performance performance, @Reference Margins margins, @Reference Grants grants,
                         @Reference MemberService members, @Reference OffersSettings settings) {
        this.offers = offers;
        this.simulations = simulations;
        this.targeting = targeting;
        this.performance = performance;
        this.margins = margins;
        this.grants = grants;
        this.members = members;
        this.settings = settings;
    }

    @GET
    public List<OfferView> list(@QueryParam("status") String status, @Context SecurityContext security) {
        Caller caller = caller(security);
        new Validation().check(status == null || List.of(OfferView.DRAFT, OfferView.ACTIVE, OfferView.PAUSED)
            .contains(status), "status", "must be DRAFT, ACTIVE or PAUSED").throwIfInvalid();
        return offers.list(caller.organisationId(), status).stream().filter(o -> visible(caller, o)).toList();
    }

    @POST
    public Response create(OfferDefinition definition, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return Response.status(201).entity(offers.create(caller, definition)).build();
    }

    @GET
    @Path("{id}")
    public OfferView get(@PathParam("id") String id, @Context SecurityContext security) {
        return visibleOffer(caller(security), id);
    }

    /** The offer, or 404 when it does not exist or is another branch's. */
    private OfferView visibleOffer(Caller caller, String id) {
        OfferView offer = offers.find(caller.organisationId(), id);
        if (!visible(caller, offer)) throw new NotFound("no offer " + id);
        return offer;
    }

    @PUT
    @Path("{id}")
    public OfferView update(@PathParam("id") String id, OfferDefinition definition, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return offers.update(caller, id, definition);
    }

    /** The body of activate: the days to simulate first, and whether an offer that loses money may still go live. */
    public record Activation(Integer days, Boolean acceptLoss) {
    }

    /** The activated offer and the simulation it was checked by. */
    public record Activated(OfferView offer, Replay.Result simulation) {
    }

    /**
     * Simulates the offer over the last days and activates it, unless it would have lost money and the caller
     * did not accept that (422, naming the warnings; nothing changes).
     */
    @POST
    @Path("{id}/activate")
    public Activated activate(@PathParam("id") String id, Activation body, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        Activation a = body == null ? new Activation(null, null) : body;
        Replay.Result simulation = simulate(caller, id, new Window(a.days(), null, null));
        if (simulation.losesMoney() && !Boolean.TRUE.equals(a.acceptLoss())) {
            throw new Rejected("acceptLoss", "the simulation of the last " + days(a.days()) + " days says this offer "
                + "loses money (" + String.join("; ", simulation.warnings()) + "); change it, or activate with "
                + "\"acceptLoss\": true");
        }
        return new Activated(offers.setStatus(caller, id, OfferView.ACTIVE), simulation);
    }

    @POST
    @Path("{id}/pause")
    public OfferView pause(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return offers.setStatus(caller, id, OfferView.PAUSED);
    }

    /** Which stretch of history to replay: the last {@code days}, or [{@code from}, {@code to}). */
    public record Window(Integer days, OffsetDateTime from, OffsetDateTime to) {
    }

    @POST
    @Path("{id}/simulate")
    public Replay.Result simulate(@PathParam("id") String id, Window window, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return simulate(caller, id, window == null ? new Window(null, null, null) : window);
    }

    private Replay.Result simulate(Caller caller, String id, Window w) {
        Validation v = new Validation();
        v.check(w.days() == null || (w.days() >= 1 && w.days() <= 3660), "days", "must be 1 to 3660");
        v.check(w.days() == null || (w.from() == null && w.to() == null), "days", "give days, or from and to, not both");
        v.check((w.from() == null) == (w.to() == null), w.from() == null ? "from" : "to", "from and to go together");
        v.check(w.from() == null || w.to() == null || w.from().isBefore(w.to()), "to", "must be after from");
        v.throwIfInvalid();
        Instant to = w.to() != null ? w.to().toInstant() : Instant.now();
        Instant from = w.from() != null ? w.from().toInstant() : to.minus(days(w.days()), ChronoUnit.DAYS);
        visibleOffer(caller, id);
        return simulations.simulate(caller.organisationId(), id, from, to);
    }

    private int days(Integer days) {
        return days != null ? days : settings.config().simulation_days();
    }

    /** The body of a targeting run: the moment it aims at (default now) and the share held out. */
    public record RunRequest(OffsetDateTime asOf, BigDecimal controlPercent) {
    }

    @POST
    @Path("{id}/targeting-runs")
    public Response target(@PathParam("id") String id, RunRequest body, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        RunRequest r = body == null ? new RunRequest(null, null) : body;
        return Response.status(202).entity(targeting.start(caller, id,
            r.asOf() == null ? null : r.asOf().toInstant(), r.controlPercent())).build();
    }

    @GET
    @Path("{id}/targeting-runs")
    public List<Targeting.RunView> runs(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        offers.find(caller.organisationId(), id);
        return targeting.runs(caller.organisationId(), id);
    }

    @GET
    @Path("targeting-runs/{runId}")
    public Targeting.RunView run(@PathParam("runId") String runId, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return targeting.find(caller.organisationId(), runId);
    }

    @GET
    @Path("{id}/performance")
    public Performance.Report performance(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        visibleOffer(caller, id);
        return performance.of(caller.organisationId(), id, Instant.now());
    }

    @GET
    @Path("margins")
    public Margins.Table margins(@Context SecurityContext security) {
        return margins.table(caller(security).organisationId());
    }

    @PUT
    @Path("margins")
    public Margins.Table putMargins(Margins.Table table, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (table == null) throw new Rejected("body", "is required");
        return margins.put(caller, table);
    }

    /** What a member may get now: one-time offers waiting, and permanent offers their aggregates qualify for. */
    public record MemberOffers(List<Waiting> waiting, List<Map<String, String>> qualifiesFor) {
    }

    /** A grant waiting for the member, with its offer's name, which a cashier tells the member. */
    public record Waiting(String id, String offerId, String name, String memberId, String ref, Instant grantedAt,
                          Instant deadline, boolean control, boolean spent) {
        static Waiting of(Grants.GrantView g, String name) {
            return new Waiting(g.id(), g.offerId(), name, g.memberId(), g.ref(), g.grantedAt(), g.deadline(), g.control(),
                g.spent());
        }
    }

    @GET
    @Path("members/{memberId}")
    public MemberOffers ofMember(@PathParam("memberId") String memberId, @Context SecurityContext security) {
        Caller caller = caller(security);
        String org = caller.organisationId();
        var member = members.find(org, memberId).orElseThrow(() -> new NotFound("no member " + memberId));
        var stats = members.stats(org, memberId);
        var now = Instant.now().atZone(java.time.ZoneOffset.UTC);
        List<OfferView> all = offers.list(org, null);
        Map<String, String> names = new java.util.HashMap<>();
        for (OfferView o : all) names.put(o.id(), o.definition().name());
        List<OfferView> active = all.stream().filter(o -> OfferView.ACTIVE.equals(o.status())).toList();
        List<Waiting> waiting = grants.ofMember(org, memberId, Instant.now()).stream()
            .filter(g -> !g.control() && !g.spent()).map(g -> Waiting.of(g, names.get(g.offerId()))).toList();
        List<Map<String, String>> qualifies = new ArrayList<>();
        for (OfferView o : active) {
            if (o.definition().oneTime() || !visible(caller, o)) continue;
            if (Audience.matches(o.definition().audience(), member, stats, now, offers.segments(org))) {
                qualifies.add(Map.of("id", o.id(), "name", o.definition().name()));
            }
        }
        return new MemberOffers(waiting, qualifies);
    }

    private static boolean visible(Caller caller, OfferView offer) {
        return caller.branch() == null || offer.definition().branches().isEmpty()
            || offer.definition().branches().contains(caller.branch());
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}

package org.bashgah.offers.internal.targeting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Events;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.offers.internal.OffersDatabase;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.OfferView;
import org.bashgah.offers.internal.offer.Offers;
import org.bashgah.offers.internal.rules.Audience;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Targeting runs of one-time offers: at a moment ({@code asOf}: when the grants start, and what the days of
 * day-counting conditions count to; the aggregates are today's), every member in the offer's audience who does
 * not already hold a live grant of it is given one until {@code asOf + withinDays}; a share of them, chosen by a
 * hash of the run and the member (reproducible, and independent of the order members are read), is held out as a
 * control group. A run works in the background and records its progress; members are granted a page at a time.
 */
@Component(service = Targeting.class)
public class Targeting {
    private static final Logger LOG = LoggerFactory.getLogger(Targeting.class);
    private static final int PAGE = 500;

    private final OffersDatabase db;
    private final Offers offers;
    private final MemberService members;
    private final OrganisationService organisations;
    private final EventAdmin events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bashgah-offers-targeting");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public Targeting(@Reference OffersDatabase db, @Reference Offers offers, @Reference MemberService members,
                     @Reference OrganisationService organisations, @Reference EventAdmin events) {
        this.db = db;
        this.offers = offers;
        this.members = members;
        this.organisations = organisations;
        this.events = events;
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    /** A run as the API shows it. */
    public record RunView(String id, String offerId, Instant asOf, BigDecimal controlPercent, String status,
                          long scanned, long targeted, long control, Instant startedAt, Instant finishedAt,
                          String createdBy, String error) {
        static RunView of(RunEntity r) {
            return new RunView(r.id, r.offerId, r.asOf, r.controlPercent, r.status, r.scanned, r.targeted, r.control,
                r.startedAt, r.finishedAt, r.createdBy, r.error);
        }
    }

    /**
     * Starts a run of an active one-time offer and returns it as RUNNING; {@code controlPercent} null takes the
     * offer's own.
     */
    public RunView start(Caller caller, String offerId, Instant asOf, BigDecimal controlPercent) {
        String org = caller.organisationId();
        OfferView offer = offers.find(org, offerId);
        OfferDefinition d = offer.definition();
        if (!d.oneTime()) throw new Rejected("offer", "only ONE_TIME offers are targeted; a PERMANENT offer applies by itself");
        if (!OfferView.ACTIVE.equals(offer.status())) {
            throw new Rejected("offer", "offer " + offerId + " is " + offer.status() + "; activate it before targeting");
        }
        BigDecimal control = controlPercent != null ? controlPercent : d.targeting().controlPercent();
        if (control.signum() < 0 || control.compareTo(BigDecimal.valueOf(50)) > 0 || control.scale() > 2) {
            throw new Rejected("controlPercent", "must be 0 to 50");
        }
        RunEntity run = new RunEntity();
        run.id = UUID.randomUUID().toString();
        run.organisationId = org;
        run.offerId = offerId;
        run.asOf = (asOf == null ? Instant.now() : asOf).truncatedTo(ChronoUnit.MILLIS);
        run.controlPercent = control;
        run.status = "RUNNING";
        run.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        run.createdBy = caller.actor();
        db.inTransaction(em -> {
            em.persist(run);
            return null;
        });
        worker.submit(() -> execute(run.id, d));
        return RunView.of(run);
    }

    public RunView find(String org, String runId) {
        RunEntity run = db.read(em -> em.find(RunEntity.class, runId));
        if (run == null || !run.organisationId.equals(org)) throw new NotFound("no targeting run " + runId);
        return RunView.of(run);
    }

    public List<RunView> runs(String org, String offerId) {
        return db.read(em -> em.createQuery("select r from RunEntity r where r.offerId = :o and r.organisationId = :org"
                + " order by r.startedAt desc", RunEntity.class).setParameter("o", offerId).setParameter("org", org)
            .getResultList().stream().map(RunView::of).toList());
    }

    private void execute(String runId, OfferDefinition d) {
        RunEntity run = db.read(em -> em.find(RunEntity.class, runId));
        try {
            ZoneId zone = ZoneId.of(organisations.find(run.organisationId).orElseThrow().timeZone());
            ZonedDateTime at = run.asOf.atZone(zone);
            long[] counts = new long[3];
            List<String> page = new ArrayList<>();
            Audience.SegmentMembers segments = offers.segments(run.organisationId);
            members.forEachMember(run.organisationId, (member, stats) -> {
                counts[0]++;
                if (Audience.matches(d.audience(), member, stats, at, segments)) {
                    page.add(member.id());
                }
                if (page.size() >= PAGE) grantPage(run, d, page, counts);
            });
            grantPage(run, d, page, counts);
            finish(runId, "DONE", counts, null);
            LOG.info("Targeting run {} of offer {}: {} members read, {} targeted, {} held out", runId, run.offerId,
                counts[0], counts[1], counts[2]);
        } catch (RuntimeException e) {
            LOG.warn("Targeting run {} of offer {} failed: {}", runId, run.offerId, e.toString());
            finish(runId, "FAILED", null, e.toString());
        }
    }

    /** Grants one page of the audience in one transaction, then tells the others who got the offer. */
    private void grantPage(RunEntity run, OfferDefinition d, List<String> page, long[] counts) {
        if (page.isEmpty()) return;
        List<GrantEntity> granted = db.inTransaction(em -> {
            List<GrantEntity> made = new ArrayList<>();
            for (String memberId : page) {
                if (Grants.holds(em, run.offerId, memberId, run.asOf)) continue;
                GrantEntity g = Grants.newGrant(run.organisationId, run.offerId, memberId, run.id, run.asOf,
                    d.trigger().withinDays(), heldOut(run.id, memberId, run.controlPercent));
                em.persist(g);
                made.add(g);
            }
            RunEntity r = em.find(RunEntity.class, run.id);
            r.scanned = counts[0];
            r.targeted += made.stream().filter(g -> !g.control).count();
            r.control += made.stream().filter(g -> g.control).count();
            counts[1] = r.targeted;
            counts[2] = r.control;
            return made;
        });
        page.clear();
        for (GrantEntity g : granted) if (!g.control) announce(g);
    }

    private void finish(String runId, String status, long[] counts, String error) {
        db.inTransaction(em -> {
            RunEntity r = em.find(RunEntity.class, runId);
            r.status = status;
            if (counts != null) r.scanned = counts[0];
            r.finishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            r.error = error == null ? null : error.substring(0, Math.min(400, error.length()));
            return null;
        });
    }

    /**
     * Gives {@code memberId} the one-time offer because another capability asked (e.g. an apology after a low
     * survey score); once per {@code ref}: asking again with the same ref gives nothing more.
     *
     * @return whether a grant was made now
     */
    public boolean grantOnRequest(String org, String offerId, String memberId, String ref, Instant at) {
        var active = offers.active(org).find(offerId);
        if (active == null || !active.definition().oneTime()) {
            LOG.warn("A grant of offer {} was asked for (ref {}), but it is no active one-time offer; nothing given",
                offerId, ref);
            return false;
        }
        if (members.find(org, memberId).isEmpty()) {
            LOG.warn("A grant of offer {} was asked for unknown member {} (ref {}); nothing given", offerId, memberId, ref);
            return false;
        }
        GrantEntity made = db.inTransaction(em -> {
            if (Grants.byRef(em, offerId, memberId, ref).isPresent()) return null;
            GrantEntity g = Grants.newGrant(org, offerId, memberId, ref, at, active.definition().trigger().withinDays(),
                false);
            em.persist(g);
            return g;
        });
        if (made != null) announce(made);
        return made != null;
    }

    private void announce(GrantEntity g) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Events.ORGANISATION, g.organisationId);
        properties.put(Events.MEMBER, g.memberId);
        properties.put(Events.OFFER, g.offerId);
        properties.put(Events.DEADLINE, g.deadline.toString());
        properties.put(Events.REF, g.ref);
        events.postEvent(new Event(Events.OFFER_GRANTED, properties));
    }

    /** Whether the member is in the run's control group: a hash of both below the percentage, so reproducible. */
    static boolean heldOut(String runId, String memberId, BigDecimal controlPercent) {
        if (controlPercent.signum() == 0) return false;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((runId + "/" + memberId).getBytes(StandardCharsets.UTF_8));
            int bucket = (((hash[0] & 0xff) << 8) | (hash[1] & 0xff)) % 10_000;
            return bucket < controlPercent.movePointRight(2).intValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.bashgah.credit.internal.tier;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.internal.CreditDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' standing: the tallies purchases leave, upgrades after a purchase, reviews (downgrades), manual
 * floors, and what a member's standing looks like. The rules are {@link TierRules}'.
 *
 * <p>Credit decides a member's tier under the lock of the member's standing row (so decisions about one
 * member never interleave, on any node) and commits it there; only then does it publish the tier to core
 * with {@link MemberService#setTier}, which posts {@code bashgah/member/TIER_CHANGED} for everyone else.
 * Publishing reads the decided tier again right before it calls core, so of two racing publishers the
 * later one writes the latest decision. Credit's standing is the authority for the members it has one
 * for; the others hold the tier core gave them at joining.
 */
@Component(service = TierStandings.class)
public class TierStandings {
    static final String ACTOR = "system:tiers";
    private static final Logger LOG = LoggerFactory.getLogger(TierStandings.class);
    private static final int REVIEW_PAGE = 200;

    private final CreditDatabase db;
    private final TierSchemes schemes;
    private final MemberService members;
    private final OrganisationService organisations;
    private final AuditTrail audit;

    @Activate
    public TierStandings(@Reference CreditDatabase db, @Reference TierSchemes schemes,
                         @Reference MemberService members, @Reference OrganisationService organisations,
                         @Reference AuditTrail audit) {
        this.db = db;
        this.schemes = schemes;
        this.members = members;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** A member's standing as the API shows it. */
    public record MemberTier(String tier, String floor, long windowSum, String measure, String nextTier,
                             Long toNextTier, Instant reviewAt) {
    }

    /** What a review did. */
    public record ReviewRun(Instant asOf, int reviewed, int movedDown) {
    }

    /** A posted purchase to count towards its member's tier, as core's event told it. */
    public record PurchaseCount(String organisationId, String memberId, String tierAtPurchase, String purchaseId,
                                long points, long spend, Instant made) {
    }

    /**
     * Counts posted purchases, each on the organisation's day it was made, in one transaction: each purchase's
     * tally once (a redelivered event changes nothing), then a decision for every member whose tier may move, in
     * member order, each under the lock of the member's standing (so decisions about one member never
     * interleave, on any node); the moves are published to core after the commit. {@link TierEvents} gathers
     * purchases for it: a transaction per purchase cost a commit (a disk flush on PostgreSQL) and four
     * statements per posting.
     */
    public void countPurchases(List<PurchaseCount> counts, Instant now) {
        Instant moment = now.truncatedTo(ChronoUnit.MILLIS);
        // the member's tier at the purchase; a member core does not know is not counted
        List<PurchaseCount> known = new ArrayList<>();
        for (PurchaseCount c : counts) {
            String tier = c.tierAtPurchase() != null ? c.tierAtPurchase()
                : members.find(c.organisationId(), c.memberId()).map(Member::tier).orElse(null);
            if (tier != null) {
                known.add(new PurchaseCount(c.organisationId(), c.memberId(), tier, c.purchaseId(), c.points(),
                    c.spend(), c.made()));
            }
        }
        if (known.isEmpty()) return;
        Map<String, TierScheme> schemeOf = new HashMap<>();
        for (PurchaseCount c : known) schemeOf.computeIfAbsent(c.organisationId(), schemes::current);
        List<MemberKey> moved = db.inTransaction(em -> {
            // member -> the tier the latest of their purchases here saw
            Map<MemberKey, String> toDecide = new TreeMap<>();
            Set<String> counted = new HashSet<>();
            Map<String, List<PurchaseCount>> byOrganisation = new LinkedHashMap<>();
            for (PurchaseCount c : known) byOrganisation.computeIfAbsent(c.organisationId(), o -> new ArrayList<>()).add(c);
            byOrganisation.forEach((org, list) -> counted.addAll(countedBefore(em, org,
                list.stream().map(PurchaseCount::purchaseId).toList())));
            for (PurchaseCount c : known) {
                // counted before, or delivered twice in this batch
                if (!counted.add(c.purchaseId())) continue;
                TierTallyEntity t = new TierTallyEntity();
                t.organisationId = c.organisationId();
                t.memberId = c.memberId();
                t.purchaseId = c.purchaseId();
                t.day = dayOf(c.organisationId(), c.made());
                t.points = Math.max(0, c.points());
                t.spend = Math.max(0, c.spend());
                t.refunded = 0;
                t.countedAt = c.made().truncatedTo(ChronoUnit.MILLIS);
                // a racing delivery of the same purchase breaks the unique key; the retry then sees this row
                em.persist(t);
                TierScheme scheme = schemeOf.get(c.organisationId());
                // one tier (the default scheme) and the member in it: nothing to decide, nor a review to move on
                boolean onlyTier = scheme.tiers().size() == 1 && scheme.tiers().get(0).code().equals(c.tierAtPurchase());
                if (!onlyTier) toDecide.put(new MemberKey(c.organisationId(), c.memberId()), c.tierAtPurchase());
            }
            List<MemberKey> changed = new ArrayList<>();
            toDecide.forEach((member, tierAtPurchase) -> {
                String decided = decideAfterPurchase(em, member, tierAtPurchase, schemeOf.get(member.organisationId()),
                    dayOf(member.organisationId(), now), moment);
                if (decided != null && !decided.equals(tierAtPurchase)) changed.add(member);
            });
            return changed;
        });
        // also repairs a publication that failed earlier
        for (MemberKey member : moved) publish(member.organisationId(), member.memberId(), ACTOR);
    }

    /** A member of an organisation, ordered so that batches lock standings in one order on every node. */
    private record MemberKey(String organisationId, String memberId) implements Comparable<MemberKey> {
        @Override
        public int compareTo(MemberKey other) {
            int byOrganisation = organisationId.compareTo(other.organisationId);
            return byOrganisation != 0 ? byOrganisation : memberId.compareTo(other.memberId);
        }
    }

    /** Moves the member up if the window ending {@code today} earns more; the tier decided, or null (no standing). */
    private static String decideAfterPurchase(EntityManager em, MemberKey member, String tierAtPurchase,
                                              TierScheme scheme, LocalDate today, Instant moment) {
        TierStandingEntity s = lockStanding(em, member.organisationId(), member.memberId());
        String current = s != null ? s.tier : tierAtPurchase;
        long sum = windowSum(em, member.organisationId(), member.memberId(), scheme, today);
        Optional<String> up = TierRules.upgradeTo(scheme, current, sum);
        if (up.isPresent()) {
            if (s == null) s = newStanding(em, member.organisationId(), member.memberId());
            s.tier = up.get();
            reached(s, moment, scheme);
        } else if (s != null && TierRules.qualifiesFor(scheme, current, sum)) {
            reached(s, moment, scheme);
        }
        return s == null ? null : s.tier;
    }

    /** Which of these purchases have a tally already. */
    private static List<String> countedBefore(EntityManager em, String organisationId, List<String> purchaseIds) {
        return em.createQuery("select t.purchaseId from TierTallyEntity t where t.organisationId = :o"
                + " and t.purchaseId in :p", String.class)
            .setParameter("o", organisationId).setParameter("p", purchaseIds).getResultList();
    }

    /**
     * Takes what of the purchase is refunded so far ({@code totalRefunded}, this refund included) off its spend, on
     * the day the purchase counted, never below zero. Setting the total, not adding this refund, makes an event
     * delivered twice (or late, after the next refund of the purchase) change nothing more. A purchase counted
     * before tiers existed (no tally) is left alone.
     */
    public void refund(String organisationId, String purchaseId, long totalRefunded) {
        if (totalRefunded <= 0) return;
        db.inTransaction(em -> {
            em.createQuery("select t from TierTallyEntity t where t.organisationId = :o and t.purchaseId = :p",
                    TierTallyEntity.class).setParameter("o", organisationId).setParameter("p", purchaseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .ifPresent(t -> t.refunded = Math.min(t.spend, Math.max(t.refunded, totalRefunded)));
            return null;
        });
    }

    /**
     * Downgrade at the review date: every member of the organisation whose review date is at or before
     * {@code asOf} takes what the window ending {@code asOf} earns, never below their floor, and gets the
     * next review date. Each member is decided in a transaction of its own under the standing's lock, and
     * only if still due, so two nodes running it at once review each member once.
     */
    public ReviewRun review(String organisationId, Instant asOf) {
        TierScheme scheme = schemes.current(organisationId);
        LocalDate day = dayOf(organisationId, asOf);
        Instant moment = asOf.truncatedTo(ChronoUnit.MILLIS);
        int reviewed = 0;
        int movedDown = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> due = db.read(em -> em.createQuery("select s.id from TierStandingEntity s"
                        + " where s.organisationId = :o and s.reviewAt <= :asOf and s.id > :after order by s.id",
                    Long.class).setParameter("o", organisationId).setParameter("asOf", asOf).setParameter("after", from)
                .setMaxResults(REVIEW_PAGE).getResultList());
            if (due.isEmpty()) break;
            for (Long id : due) {
                Reviewed change = db.inTransaction(em -> {
                    TierStandingEntity s = em.find(TierStandingEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                    if (s == null || s.reviewAt.isAfter(asOf)) return null;
                    String before = s.tier;
                    long sum = windowSum(em, organisationId, s.memberId, scheme, day);
                    String target = TierRules.atReview(scheme, s.floor, sum);
                    s.tier = target;
                    if (!target.equals(before)) s.reachedAt = moment;
                    s.reviewAt = TierRules.reviewAt(moment, scheme.windowDays());
                    s.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    s.changedBy = ACTOR;
                    return new Reviewed(s.memberId, before, target);
                });
                if (change == null) continue;
                reviewed++;
                if (TierRules.isDown(scheme, change.before(), change.after())) movedDown++;
                if (!change.before().equals(change.after())) publish(organisationId, change.memberId(), ACTOR);
            }
            after = due.get(due.size() - 1);
        }
        if (reviewed > 0) {
            LOG.info("Tier review of organisation {} as of {}: {} members reviewed, {} moved down", organisationId,
                asOf, reviewed, movedDown);
        }
        return new ReviewRun(asOf, reviewed, movedDown);
    }

    private record Reviewed(String memberId, String before, String after) {
    }

    /** The member's standing now. */
    public MemberTier view(String organisationId, String memberId) {
        Member member = members.find(organisationId, memberId).orElseThrow(() -> new NotFound("no member " + memberId));
        TierScheme scheme = schemes.current(organisationId);
        LocalDate day = dayOf(organisationId, Instant.now());
        return db.read(em -> {
            TierStandingEntity s = standing(em, organisationId, memberId);
            long sum = windowSum(em, organisationId, memberId, scheme, day);
            Optional<Tier> next = TierRules.nextTier(scheme, member.tier(), sum);
            return new MemberTier(member.tier(), s == null ? null : s.floor, sum, scheme.measure(),
                next.map(Tier::code).orElse(null), next.map(t -> TierRules.toReach(t, sum)).orElse(null),
                s == null ? null : s.reviewAt);
        });
    }

    /**
     * Sets the member's manual floor (a tier of the scheme), lifting the member to it at once if below;
     * audited as {@code credit.tier.floor}.
     */
    public MemberTier setFloor(Caller caller, String memberId, String floor, String note) {
        String org = caller.organisationId();
        Member member = members.find(org, memberId).orElseThrow(() -> new NotFound("no member " + memberId));
        TierScheme scheme = schemes.current(org);
        if (scheme.rankOf(floor) < 0) {
            throw new Rejected("tier", "is not a tier of the scheme: " + String.join(", ", scheme.codes()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        db.inTransaction(em -> {
            TierStandingEntity s = lockStanding(em, org, memberId);
            String current = s != null ? s.tier : member.tier();
            if (s == null) {
                s = newStanding(em, org, memberId);
                s.tier = current;
                reached(s, now, scheme);
            }
            String lifted = TierRules.withFloor(scheme, current, floor);
            if (!lifted.equals(current)) {
                s.tier = lifted;
                reached(s, now, scheme);
            }
            s.floor = floor;
            s.changedAt = now;
            s.changedBy = caller.actor();
            return null;
        });
        publish(org, memberId, caller.actor());
        audit.record(caller, "credit.tier.floor", memberId, floor + (note == null ? "" : ": " + note));
        return view(org, memberId);
    }

    /**
     * Removes the member's manual floor; the tier stays until the review date. Audited as
     * {@code credit.tier.floor.remove}.
     */
    public void removeFloor(Caller caller, String memberId) {
        String org = caller.organisationId();
        if (members.find(org, memberId).isEmpty()) throw new NotFound("no member " + memberId);
        db.inTransaction(em -> {
            TierStandingEntity s = lockStanding(em, org, memberId);
            if (s == null || s.floor == null) throw new NotFound("member " + memberId + " has no manual tier");
            s.floor = null;
            s.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            s.changedBy = caller.actor();
            return null;
        });
        audit.record(caller, "credit.tier.floor.remove", memberId, "the tier follows the window again");
    }

    /** Makes core's member record show the tier credit decided, if it does not already. */
    private void publish(String organisationId, String memberId, String actor) {
        try {
            String decided = db.read(em -> Optional.ofNullable(standing(em, organisationId, memberId))
                .map(s -> s.tier).orElse(null));
            Optional<Member> member = members.find(organisationId, memberId);
            if (decided != null && member.isPresent() && !decided.equals(member.get().tier())) {
                members.setTier(organisationId, memberId, decided, actor);
            }
        } catch (RuntimeException e) {
            // the standing keeps the decision; the member's next counted purchase publishes it again
            LOG.warn("Could not publish the tier of member {}: {}", memberId, e.toString());
        }
    }

    private static void reached(TierStandingEntity s, Instant at, TierScheme scheme) {
        s.reachedAt = at;
        s.reviewAt = TierRules.reviewAt(at, scheme.windowDays());
        s.changedAt = at;
        s.changedBy = ACTOR;
    }

    private static TierStandingEntity newStanding(EntityManager em, String organisationId, String memberId) {
        TierStandingEntity s = new TierStandingEntity();
        s.organisationId = organisationId;
        s.memberId = memberId;
        // a racing first decision about the same member breaks the unique key; the retry then locks this row
        em.persist(s);
        return s;
    }

    /** The member's window sum for the scheme's measure, the window ending on {@code day}. */
    static long windowSum(EntityManager em, String organisationId, String memberId, TierScheme scheme, LocalDate day) {
        String measure = TierScheme.SPEND.equals(scheme.measure()) ? "t.spend - t.refunded" : "t.points";
        // untyped: SUM of BIGINT is BIGINT on Derby but NUMERIC on PostgreSQL
        Object sum = em.createQuery("select sum(" + measure + ") from TierTallyEntity t where t.organisationId = :o"
                + " and t.memberId = :m and t.day > :from and t.day <= :to")
            .setParameter("o", organisationId).setParameter("m", memberId)
            .setParameter("from", TierRules.dayBeforeWindow(day, scheme.windowDays())).setParameter("to", day)
            .getSingleResult();
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private static TierStandingEntity standing(EntityManager em, String organisationId, String memberId) {
        return em.createQuery("select s from TierStandingEntity s where s.organisationId = :o and s.memberId = :m",
                TierStandingEntity.class).setParameter("o", organisationId).setParameter("m", memberId)
            .getResultStream().findFirst().orElse(null);
    }

    private static TierStandingEntity lockStanding(EntityManager em, String organisationId, String memberId) {
        return em.createQuery("select s from TierStandingEntity s where s.organisationId = :o and s.memberId = :m",
                TierStandingEntity.class).setParameter("o", organisationId).setParameter("m", memberId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
    }

    /** The organisation's date of a moment: tallies and windows are counted in its days. */
    LocalDate dayOf(String organisationId, Instant at) {
        ZoneId zone = organisations.find(organisationId).map(o -> {
            try {
                return ZoneId.of(o.timeZone());
            } catch (DateTimeException | NullPointerException e) {
                return ZoneOffset.UTC;
            }
        }).orElse(ZoneOffset.UTC);
        return at.atZone(zone).toLocalDate();
    }
}

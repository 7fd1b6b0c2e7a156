package org.bashgah.offers.internal.targeting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.bashgah.core.api.PurchaseClaims;
import org.bashgah.offers.internal.OffersDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * One-time offers given to members. A grant is spent by the purchase that claims {@link #claimKey} (core
 * keeps that claim in the purchase's transaction, so a grant is never spent twice).
 */
@Component(service = Grants.class)
public class Grants {
    private final OffersDatabase db;
    private final PurchaseClaims claims;

    @Activate
    public Grants(@Reference OffersDatabase db, @Reference PurchaseClaims claims) {
        this.db = db;
        this.claims = claims;
    }

    /** The claim a purchase takes to spend the grant. */
    public static String claimKey(String grantId) {
        return "offers.grant:" + grantId;
    }

    /** A grant as the API shows it. */
    public record GrantView(String id, String offerId, String memberId, String ref, Instant grantedAt, Instant deadline,
                            boolean control, boolean spent) {
    }

    /**
     * The member's grants that a purchase at {@code at} may spend, one per offer (the one that lapses first):
     * given by then, not lapsed, not held out, not spent.
     */
    public Map<String, GrantEntity> spendable(String org, String memberId, Instant at) {
        List<GrantEntity> live = db.read(em -> em.createQuery("select g from GrantEntity g where g.memberId = :m"
                + " and g.deadline > :at and g.grantedAt <= :at and g.control = :heldOut order by g.deadline",
                GrantEntity.class).setParameter("m", memberId).setParameter("at", at)
            // a parameter, not the literal: Derby compares no BOOLEAN column with EclipseLink's 0
            .setParameter("heldOut", false).getResultList());
        Map<String, GrantEntity> byOffer = new HashMap<>();
        for (GrantEntity g : live) {
            if (!g.organisationId.equals(org) || byOffer.containsKey(g.offerId)) continue;
            if (claims.totals(org, claimKey(g.id)).purchases() == 0) byOffer.put(g.offerId, g);
        }
        return byOffer;
    }

    /** The member's grants that have not lapsed at {@code at}, newest first. */
    public List<GrantView> ofMember(String org, String memberId, Instant at) {
        List<GrantEntity> live = db.read(em -> em.createQuery("select g from GrantEntity g where g.memberId = :m"
                + " and g.organisationId = :o and g.deadline > :at order by g.grantedAt desc", GrantEntity.class)
            .setParameter("m", memberId).setParameter("o", org).setParameter("at", at).getResultList());
        return live.stream().map(g -> view(org, g)).toList();
    }

    private GrantView view(String org, GrantEntity g) {
        boolean spent = !g.control && claims.totals(org, claimKey(g.id)).purchases() > 0;
        return new GrantView(g.id, g.offerId, g.memberId, g.ref, g.grantedAt, g.deadline, g.control, spent);
    }

    /** Whether the member holds a grant of the offer that has not lapsed at {@code at} (held out or not). */
    static boolean holds(EntityManager em, String offerId, String memberId, Instant at) {
        return !em.createQuery("select g.id from GrantEntity g where g.offerId = :o and g.memberId = :m"
                + " and g.deadline > :at", String.class).setParameter("o", offerId).setParameter("m", memberId)
            .setParameter("at", at).setMaxResults(1).getResultList().isEmpty();
    }

    static GrantEntity newGrant(String org, String offerId, String memberId, String ref, Instant at, int withinDays,
                                boolean control) {
        GrantEntity g = new GrantEntity();
        g.id = UUID.randomUUID().toString();
        g.organisationId = org;
        g.offerId = offerId;
        g.memberId = memberId;
        g.ref = ref;
        g.grantedAt = at.truncatedTo(ChronoUnit.MILLIS);
        g.deadline = g.grantedAt.plus(withinDays, ChronoUnit.DAYS);
        g.control = control;
        return g;
    }

    /** The grant made for {@code ref}, if any. */
    static Optional<GrantEntity> byRef(EntityManager em, String offerId, String memberId, String ref) {
        return em.createQuery("select g from GrantEntity g where g.offerId = :o and g.memberId = :m and g.ref = :r",
                GrantEntity.class).setParameter("o", offerId).setParameter("m", memberId).setParameter("r", ref)
            .getResultStream().findFirst();
    }

    /** Every grant of an offer, for measuring it. */
    public List<GrantEntity> ofOffer(String offerId) {
        return db.read(em -> em.createQuery("select g from GrantEntity g where g.offerId = :o order by g.grantedAt",
            GrantEntity.class).setParameter("o", offerId).getResultList());
    }
}

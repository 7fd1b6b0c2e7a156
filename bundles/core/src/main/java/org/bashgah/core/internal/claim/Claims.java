package org.bashgah.core.internal.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.Proposal.Claim;
import org.bashgah.core.api.PurchaseClaims;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the {@link Claim claims} of purchase proposals: decides inside the purchase's transaction which
 * sources' proposals stay within their limits, and answers what was used.
 */
@Component(service = {PurchaseClaims.class, Claims.class})
public class Claims implements PurchaseClaims {
    public static final int MAX_KEY = 120;

    private final Database db;

    @Activate
    public Claims(@Reference Database db) {
        this.db = db;
    }

    /**
     * The proposals that stay within their claims, with each kept source's claims counted and its uses
     * recorded for {@code purchaseId}. Limited keys are locked until the transaction ends, so two purchases
     * can never both take the last unit.
     */
    public static List<Proposal> apply(EntityManager em, String org, String purchaseId, String memberId, Instant at,
                                       List<Proposal> proposals) {
        Map<String, Map<String, Claim>> bySource = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            for (Claim c : p.claims()) {
                bySource.computeIfAbsent(p.source(), s -> new LinkedHashMap<>())
                    .merge(c.key(), c, (a, b) -> new Claim(a.key(), Math.max(a.units(), b.units()),
                        Math.min(a.limit(), b.limit())));
            }
        }
        if (bySource.isEmpty()) return proposals;
        List<String> dropped = new ArrayList<>();
        for (var source : bySource.entrySet()) {
            List<ClaimEntity> counters = new ArrayList<>();
            boolean fits = true;
            for (Claim c : source.getValue().values()) {
                if (c.limit() == Claim.UNLIMITED) continue;
                ClaimEntity counter = lockCounter(em, org, c.key());
                if (c.units() > c.limit() - counter.used) fits = false;
                counters.add(counter);
            }
            if (!fits) {
                dropped.add(source.getKey());
                continue;
            }
            int i = 0;
            for (Claim c : source.getValue().values()) {
                if (c.limit() != Claim.UNLIMITED) counters.get(i++).used += c.units();
                ClaimUseEntity use = new ClaimUseEntity();
                use.organisationId = org;
                use.key = c.key();
                use.purchaseId = purchaseId;
                use.memberId = memberId;
                use.units = c.units();
                use.at = at;
                em.persist(use);
            }
        }
        if (dropped.isEmpty()) return proposals;
        return proposals.stream().filter(p -> !dropped.contains(p.source())).toList();
    }

    /** Why a claim cannot be kept, or null when it can. */
    public static String faultOf(Claim c) {
        if (c == null || c.key() == null || c.key().isBlank() || c.key().length() > MAX_KEY) return "claim without key";
        if (c.units() < 0 || c.limit() < 0) return "claim with negative units or limit";
        return null;
    }

    private static ClaimEntity lockCounter(EntityManager em, String org, String key) {
        ClaimEntity counter = em.find(ClaimEntity.class, new ClaimEntity.Key(org, key), LockModeType.PESSIMISTIC_WRITE);
        if (counter != null) return counter;
        // a purchase racing for the same new key fails on the primary key and is run again (Transactions)
        counter = new ClaimEntity();
        counter.organisationId = org;
        counter.key = key;
        em.persist(counter);
        em.flush();
        return counter;
    }

    @Override
    public Totals totals(String organisationId, String key) {
        return db.read(em -> {
            Object[] row = em.createQuery("select count(u), count(distinct u.memberId), sum(u.units) from ClaimUseEntity u"
                    + " where u.organisationId = :o and u.key = :k", Object[].class)
                .setParameter("o", organisationId).setParameter("k", key).getSingleResult();
            long purchases = ((Number) row[0]).longValue();
            if (purchases == 0) return Totals.NONE;
            return new Totals(purchases, ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
        });
    }

    @Override
    public List<Use> uses(String organisationId, String key) {
        return db.read(em -> em.createQuery("select u from ClaimUseEntity u where u.organisationId = :o and u.key = :k"
                + " order by u.id", ClaimUseEntity.class)
            .setParameter("o", organisationId).setParameter("k", key).getResultList().stream()
            .map(u -> new Use(u.key, u.purchaseId, u.memberId, u.units, u.at)).toList());
    }
}

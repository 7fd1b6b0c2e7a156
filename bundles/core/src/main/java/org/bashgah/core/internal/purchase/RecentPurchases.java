package org.bashgah.core.internal.purchase;

import java.util.List;
import org.bashgah.core.api.MemberPurchases;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.core.api.PurchaseSummary;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link MemberPurchases} over core's purchase table; the (member, made_at) index keeps it one short range scan. */
@Component(service = MemberPurchases.class)
public class RecentPurchases implements MemberPurchases {
    private final Database db;

    @Activate
    public RecentPurchases(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<PurchaseSummary> recent(String organisationId, String memberId, String branch, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_LIMIT));
        if (max == 0 || organisationId == null || memberId == null) return List.of();
        return db.read(em -> {
            var query = em.createQuery("select p from PurchaseEntity p where p.memberId = :m and p.organisationId = :o"
                    + (branch != null ? " and p.branch = :b" : "") + " order by p.at desc, p.id desc", PurchaseEntity.class)
                .setParameter("m", memberId).setParameter("o", organisationId).setMaxResults(max);
            if (branch != null) query.setParameter("b", branch);
            return query.getResultStream().map(p -> new PurchaseSummary(p.id, p.branch, p.at, p.amount, p.discount,
                p.payable, p.refunded, Purchases.linesOf(em, p.id).stream()
                    .map(l -> new PurchaseLine(l.productGroup, l.amount)).toList())).toList();
        });
    }
}

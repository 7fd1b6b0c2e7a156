package org.bashgah.core.internal.purchase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bashgah.core.api.PurchaseHistory;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link PurchaseHistory}: purchases in time order, a page at a time (keyset paging on made_at, id). */
@Component(service = PurchaseHistory.class)
public class PastPurchases implements PurchaseHistory {
    private static final int PAGE = 1000;

    private final Database db;

    @Activate
    public PastPurchases(@Reference Database db) {
        this.db = db;
    }

    @Override
    public void forEach(String organisationId, Instant from, Instant to, Consumer<PastPurchase> visitor) {
        // the member's purchase before the one in hand: from this walk once it has met the member, else asked
        Map<String, Instant> lastSeen = new HashMap<>();
        Instant afterAt = null;
        String afterId = "";
        while (true) {
            Instant pageAt = afterAt;
            String pageId = afterId;
            List<PastPurchase> page = db.read(em -> {
                var query = em.createQuery("select p from PurchaseEntity p where p.organisationId = :o"
                        + " and p.at >= :from and p.at < :to"
                        + (pageAt == null ? "" : " and (p.at > :afterAt or (p.at = :afterAt and p.id > :afterId))")
                        + " order by p.at, p.id", PurchaseEntity.class)
                    .setParameter("o", organisationId).setParameter("from", from).setParameter("to", to)
                    .setMaxResults(PAGE);
                if (pageAt != null) query.setParameter("afterAt", pageAt).setParameter("afterId", pageId);
                List<PurchaseEntity> purchases = query.getResultList();
                if (purchases.isEmpty()) return List.of();
                List<String> ids = purchases.stream().map(p -> p.id).toList();
                Map<String, List<PurchaseLine>> lines = new HashMap<>();
                em.createQuery("select l from PurchaseLineEntity l where l.purchaseId in :ids order by l.purchaseId,"
                        + " l.lineNo", PurchaseLineEntity.class).setParameter("ids", ids).getResultList()
                    .forEach(l -> lines.computeIfAbsent(l.purchaseId, k -> new ArrayList<>())
                        .add(new PurchaseLine(l.productGroup, l.amount)));
                List<String> unseen = purchases.stream().map(p -> p.memberId).filter(m -> !lastSeen.containsKey(m))
                    .distinct().toList();
                if (!unseen.isEmpty()) {
                    em.createQuery("select p.memberId, max(p.at) from PurchaseEntity p where p.memberId in :m"
                            + " and p.at < :from group by p.memberId", Object[].class)
                        .setParameter("m", unseen).setParameter("from", from).getResultList()
                        .forEach(row -> lastSeen.put((String) row[0], (Instant) row[1]));
                    unseen.forEach(m -> lastSeen.putIfAbsent(m, null));
                }
                List<PastPurchase> out = new ArrayList<>();
                for (PurchaseEntity p : purchases) {
                    out.add(new PastPurchase(p.id, p.memberId, p.branch, p.at, p.amount, p.discount, p.refunded,
                        List.copyOf(lines.getOrDefault(p.id, List.of())), lastSeen.get(p.memberId)));
                    lastSeen.put(p.memberId, p.at);
                }
                return out;
            });
            if (page.isEmpty()) return;
            page.forEach(visitor);
            PastPurchase last = page.get(page.size() - 1);
            afterAt = last.at();
            afterId = last.id();
            if (page.size() < PAGE) return;
        }
    }
}

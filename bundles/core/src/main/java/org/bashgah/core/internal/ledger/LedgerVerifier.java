package org.bashgah.core.internal.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Recomputes every balance from the ledger and checks the invariants of ARCHITECTURE.md: each balance
 * equals the sum of its entries and of its open lots, none is negative, and no redemption at one branch
 * spent another branch's credit. Reads only; safe on a running server.
 */
@Component(service = LedgerVerifier.class)
public class LedgerVerifier {
    private final Database db;

    @Activate
    public LedgerVerifier(@Reference Database db) {
        this.db = db;
    }

    /** What verification found: how many accounts it checked, and every mismatch (none, ever). */
    public record Report(long accounts, long entries, List<String> problems) {
    }

    public Report verify() {
        return db.read(this::verify);
    }

    private Report verify(EntityManager em) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> fromEntries = sums(em, "select e.memberId, e.account, sum(e.amount) from LedgerEntryEntity e"
            + " group by e.memberId, e.account");
        Map<String, Long> fromLots = sums(em, "select l.memberId, l.account, sum(l.remaining) from LotEntity l"
            + " group by l.memberId, l.account");
        Map<String, Long> balances = sums(em, "select b.memberId, b.account, sum(b.balance) from BalanceEntity b"
            + " group by b.memberId, b.account");
        Set<String> accounts = new HashSet<>(fromEntries.keySet());
        accounts.addAll(balances.keySet());
        for (String account : accounts) {
            long sum = fromEntries.getOrDefault(account, 0L);
            long balance = balances.getOrDefault(account, 0L);
            long lots = fromLots.getOrDefault(account, 0L);
            if (sum != balance) problems.add(account + ": balance " + balance + " but entries sum to " + sum);
            if (balance < 0) problems.add(account + ": balance " + balance + " is negative");
            if (lots != balance) problems.add(account + ": balance " + balance + " but open lots hold " + lots);
        }
        List<?> crossBranch = em.createQuery("select e.id from LedgerEntryEntity e, PurchaseEntity p"
            + " where e.purchaseId = p.id and e.kind = 'REDEEM' and e.account like 'BRANCH_CREDIT:%'"
            + " and e.account <> concat('BRANCH_CREDIT:', p.branch)").getResultList();
        for (Object id : crossBranch) problems.add("entry " + id + " spent another branch's credit");
        long entries = em.createQuery("select count(e) from LedgerEntryEntity e", Long.class).getSingleResult();
        return new Report(accounts.size(), entries, problems);
    }

    private static Map<String, Long> sums(EntityManager em, String jpql) {
        Map<String, Long> out = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            out.put(row[0] + " " + row[1], ((Number) row[2]).longValue());
        }
        return out;
    }
}

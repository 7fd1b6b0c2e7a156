package org.bashgah.core.internal.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.Balances;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.LedgerEntry;

/**
 * Writes the ledger. Rules (ARCHITECTURE.md, "The ledger"): entries are only inserted; a balance is the
 * sum of its entries and never goes below zero; a positive credit or points entry opens a lot, and a
 * negative entry spends lots oldest-expiring first (lots without expiry last, then oldest first).
 *
 * <p>Callers hold the member's row lock (see {@code Members.lock}) for the whole transaction, so two
 * postings for one member never interleave and a balance read here stays true until commit.
 */
public final class Ledger {

    private Ledger() {
    }

    /** One entry to write. */
    public record Line(String organisationId, String memberId, Account account, long amount, EntryKind kind,
                       String purchaseId, String source, String note, Instant expiresAt, String actor) {
    }

    /**
     * Writes one entry and moves its balance and lots.
     *
     * @param field the request field to blame when the balance is too low
     * @throws Rejected when a negative amount is larger than the balance
     */
    public static LedgerEntryEntity write(EntityManager em, Line line, String field) {
        if (line.amount() == 0) throw new IllegalArgumentException("a ledger entry moves a non-zero amount");
        String account = line.account().toString();
        BalanceEntity balance = em.find(BalanceEntity.class, new BalanceEntity.Key(line.memberId(), account));
        long current = balance == null ? 0 : balance.balance;
        if (current + line.amount() < 0) {
            throw new Rejected(field, "balance of " + account + " is " + current + ", less than " + -line.amount());
        }
        LedgerEntryEntity entry = new LedgerEntryEntity();
        entry.organisationId = line.organisationId();
        entry.memberId = line.memberId();
        entry.account = account;
        entry.amount = line.amount();
        entry.kind = line.kind().name();
        entry.purchaseId = line.purchaseId();
        entry.source = line.source();
        entry.note = line.note();
        entry.expiresAt = line.amount() > 0 ? line.expiresAt() : null;
        entry.at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        entry.createdBy = line.actor();
        em.persist(entry); // its id comes from core_ledger_entry_seq at once: no flush before the lot

        if (balance == null) {
            balance = new BalanceEntity();
            balance.memberId = line.memberId();
            balance.account = account;
            balance.balance = line.amount();
            em.persist(balance);
        } else {
            balance.balance = current + line.amount();
        }
        if (line.amount() > 0) {
            LotEntity lot = new LotEntity();
            lot.entryId = entry.id;
            lot.memberId = line.memberId();
            lot.account = account;
            lot.remaining = line.amount();
            lot.expiresAt = line.expiresAt();
            em.persist(lot);
        } else {
            spendLots(em, line.memberId(), account, -line.amount());
        }
        return entry;
    }

    /** How many lots a spending reads first; a member who buys often has hundreds open, and one or two pay. */
    static final int LOTS_PAGE = 8;

    private static void spendLots(EntityManager em, String memberId, String account, long amount) {
        long left = spend(em, openLots(em, memberId, account, LOTS_PAGE), amount);
        // the rest, rarely: the lots of the first page may come back as the same objects, already spent
        if (left > 0) left = spend(em, openLots(em, memberId, account, 0), left);
        // left > 0 cannot happen while balances equal the sum of lots; ledger-verify would report it
    }

    /** The member's open lots of the account in spending order; the first {@code limit} of them (0: all). */
    private static List<LotEntity> openLots(EntityManager em, String memberId, String account, int limit) {
        var query = em.createQuery("select l from LotEntity l where l.memberId = :m and l.account = :a"
                + " and l.remaining > 0 order by l.expiresAt, l.entryId", LotEntity.class)
            .setParameter("m", memberId).setParameter("a", account);
        if (limit > 0) query.setMaxResults(limit);
        return query.getResultList();
    }

    /**
     * Takes {@code amount} from the lots in their order and removes the lots it empties; returns what they
     * could not cover.
     */
    private static long spend(EntityManager em, List<LotEntity> lots, long amount) {
        long left = amount;
        for (LotEntity lot : lots) {
            if (left == 0) break;
            if (lot.remaining == 0) continue;
            long take = Math.min(lot.remaining, left);
            lot.remaining -= take;
            left -= take;
            if (lot.remaining == 0) em.remove(lot);
        }
        return left;
    }

    /** Posts an EXPIRE entry for what is left of the lot and removes the lot. */
    public static LedgerEntryEntity expireLot(EntityManager em, String organisationId, LotEntity lot, String actor) {
        long left = lot.remaining;
        LedgerEntryEntity entry = new LedgerEntryEntity();
        entry.organisationId = organisationId;
        entry.memberId = lot.memberId;
        entry.account = lot.account;
        entry.amount = -left;
        entry.kind = EntryKind.EXPIRE.name();
        entry.source = "expiry";
        entry.note = "lot of entry " + lot.entryId + " expired at " + lot.expiresAt;
        entry.at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        entry.createdBy = actor;
        em.persist(entry);
        BalanceEntity balance = em.find(BalanceEntity.class, new BalanceEntity.Key(lot.memberId, lot.account));
        balance.balance -= left;
        em.remove(lot);
        return entry;
    }

    public static List<LotEntity> expiringLots(EntityManager em, String memberId) {
        return em.createQuery("select l from LotEntity l where l.memberId = :m and l.remaining > 0"
            + " and l.expiresAt is not null order by l.expiresAt, l.entryId", LotEntity.class)
            .setParameter("m", memberId).getResultList();
    }

    public static long balance(EntityManager em, String memberId, Account account) {
        BalanceEntity b = em.find(BalanceEntity.class, new BalanceEntity.Key(memberId, account.toString()));
        return b == null ? 0 : b.balance;
    }

    /** All balances of a member; {@code onlyBranch} limits branch credit to one branch (null for all). */
    public static Balances balances(EntityManager em, String memberId, String tier, String onlyBranch) {
        return balances(holdings(em, memberId), tier, onlyBranch);
    }

    /**
     * Reads every balance row of the member into the transaction: {@link #write} then finds them there
     * without a query of its own, and {@link #balances(EntityManager, List, String, String)} can answer from them.
     */
    public static List<BalanceEntity> holdings(EntityManager em, String memberId) {
        return em.createQuery("select b from BalanceEntity b where b.memberId = :m", BalanceEntity.class)
            .setParameter("m", memberId).getResultList();
    }

    /**
     * The balances after this transaction's writes, from the rows {@link #holdings} read at its start plus
     * the accounts written since (found in the transaction, so no query).
     */
    public static Balances balances(EntityManager em, List<BalanceEntity> held, Collection<Account> written,
                                    String memberId, String tier, String onlyBranch) {
        Map<String, BalanceEntity> rows = new LinkedHashMap<>();
        for (BalanceEntity row : held) rows.put(row.account, row);
        for (Account account : written) {
            String key = account.toString();
            if (rows.containsKey(key)) continue;
            BalanceEntity row = em.find(BalanceEntity.class, new BalanceEntity.Key(memberId, key));
            if (row != null) rows.put(key, row);
        }
        return balances(new ArrayList<>(rows.values()), tier, onlyBranch);
    }

    private static Balances balances(List<BalanceEntity> rows, String tier, String onlyBranch) {
        long points = 0;
        long shared = 0;
        Map<String, Long> branches = new TreeMap<>();
        if (onlyBranch != null) branches.put(onlyBranch, 0L);
        for (BalanceEntity row : rows) {
            Account account = Account.parse(row.account);
            if (account.isPoints()) points = row.balance;
            else if (Account.SHARED_CREDIT.equals(account.type())) shared = row.balance;
            else if (account.isBranchCredit() && (onlyBranch == null || onlyBranch.equals(account.qualifier()))) {
                branches.put(account.qualifier(), row.balance);
            }
        }
        return new Balances(points, shared, branches, tier);
    }

    /** Newest first; a branch-bound reader does not see other branches' credit entries. */
    public static List<LedgerEntry> entries(EntityManager em, String memberId, long beforeId, int limit,
                                            String onlyBranch) {
        String jpql = "select e from LedgerEntryEntity e where e.memberId = :m"
            + (beforeId > 0 ? " and e.id < :before" : "")
            + (onlyBranch != null ? " and (e.account not like 'BRANCH_CREDIT:%' or e.account = :own)" : "")
            + " order by e.id desc";
        var query = em.createQuery(jpql, LedgerEntryEntity.class).setParameter("m", memberId);
        if (beforeId > 0) query.setParameter("before", beforeId);
        if (onlyBranch != null) query.setParameter("own", Account.branchCredit(onlyBranch).toString());
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntryEntity e : query.setMaxResults(limit).getResultList()) out.add(e.toApi());
        return out;
    }

    /** Every entry of a purchase, oldest first. */
    public static List<LedgerEntryEntity> ofPurchase(EntityManager em, String purchaseId) {
        return em.createQuery("select e from LedgerEntryEntity e where e.purchaseId = :p order by e.id",
            LedgerEntryEntity.class).setParameter("p", purchaseId).getResultList();
    }
}

package org.bashgah.partners.internal;

import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shared funds: money two partners put in up front (a mall's promotion budget, a deposit against the partner
 * credit a side issues), from which their settlements are paid without a bank transfer each time. Each side's
 * share is what it deposited less what it withdrew and what paid its settlements; it never goes below zero. Every
 * movement is an inserted entry under an idempotency key, made while holding the fund's row lock.
 */
@Component(service = Funds.class)
public class Funds {
    private final PartnersDatabase db;
    private final Agreements agreements;
    private final AuditTrail audit;

    @Activate
    public Funds(@Reference PartnersDatabase db, @Reference Agreements agreements, @Reference AuditTrail audit) {
        this.db = db;
        this.agreements = agreements;
        this.audit = audit;
    }

    public record FundRequest(String partner, String name) {
    }

    /** A side's share, from the reader's side ({@code ours} or {@code theirs}). */
    public record Share(long deposited, long withdrawn, long paidSettlements, long balance) {
    }

    public record Entry(long id, Instant at, String side, String kind, long amount, Long settlement, String reference,
                        String recordedBy) {
    }

    public record Fund(long id, String partner, String name, Share ours, Share theirs, long balance,
                       List<Entry> entries, Instant createdAt) {
    }

    public record MovementRequest(String idempotencyKey, Long amount, String reference) {
    }

    /** What a deposit or withdrawal did; {@code created} is false for a replay of the same key. */
    public record Moved(Fund fund, long entry, boolean created) {
    }

    public Fund create(Caller caller, FundRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        new Validation().require("name", r.name()).name("name", r.name(), 200).throwIfInvalid();
        String partner = agreements.partnerOf(caller, "partner", r.partner());
        if (Remotes.isRemote(partner)) {
            throw new Rejected("partner", r.partner() + " is on another server: a shared fund is kept by one server");
        }
        String us = caller.organisationId();
        // two sides creating it at once: the pair's unique key refuses one, whose transaction runs again and finds it
        FundEntity saved = db.inTransaction(em -> {
            if (of(em, us, partner) != null) {
                throw new Conflict("there is a shared fund with " + r.partner() + " already", null);
            }
            FundEntity f = new FundEntity();
            f.orgLow = us.compareTo(partner) < 0 ? us : partner;
            f.orgHigh = f.orgLow.equals(us) ? partner : us;
            f.name = r.name().strip();
            f.createdByOrg = us;
            f.createdBy = caller.actor();
            f.createdAt = Instant.now();
            em.persist(f);
            return f;
        });
        audit.record(caller, "partners.fund.create", String.valueOf(saved.id), r.partner());
        return get(caller, saved.id);
    }

    /** The pair's fund, or null. */
    static FundEntity of(EntityManager em, String one, String other) {
        String low = one.compareTo(other) < 0 ? one : other;
        String high = low.equals(one) ? other : one;
        return em.createQuery("select f from FundEntity f where f.orgLow = :l and f.orgHigh = :h", FundEntity.class)
            .setParameter("l", low).setParameter("h", high).getResultList().stream().findFirst().orElse(null);
    }

    public List<Fund> list(Caller caller) {
        managers(caller);
        String us = caller.organisationId();
        return db.read(em -> em.createQuery("select f from FundEntity f where f.orgLow = :us or f.orgHigh = :us"
            + " order by f.id", FundEntity.class).setParameter("us", us).getResultList().stream()
            .map(f -> view(em, us, f)).toList());
    }

    public Fund get(Caller caller, long id) {
        managers(caller);
        return db.read(em -> view(em, caller.organisationId(), visible(em, caller, id, false)));
    }

    /** Our deposit into the fund: adds to our share. */
    public Moved deposit(Caller caller, long id, MovementRequest r) {
        return move(caller, id, r, FundEntryEntity.DEPOSIT);
    }

    /** Takes money of our share back out of the fund; more than our share is refused. */
    public Moved withdraw(Caller caller, long id, MovementRequest r) {
        return move(caller, id, r, FundEntryEntity.WITHDRAWAL);
    }

    private Moved move(Caller caller, long id, MovementRequest r, String kind) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        new Validation().require("idempotencyKey", r.idempotencyKey()).text("idempotencyKey", r.idempotencyKey(), 64)
            .require("amount", r.amount()).positive("amount", r.amount())
            .require("reference", r.reference()).text("reference", r.reference(), 200).throwIfInvalid();
        String us = caller.organisationId();
        long signed = FundEntryEntity.DEPOSIT.equals(kind) ? r.amount() : -r.amount();
        boolean[] created = {false};
        FundEntryEntity entry = db.inTransaction(em -> {
            FundEntity f = visible(em, caller, id, true);
            List<FundEntryEntity> seen = em.createQuery("select e from FundEntryEntity e where e.fundId = :f"
                    + " and e.recordedByOrg = :o and e.idempotencyKey = :k", FundEntryEntity.class)
                .setParameter("f", f.id).setParameter("o", us).setParameter("k", r.idempotencyKey()).getResultList();
            if (!seen.isEmpty()) {
                FundEntryEntity e = seen.get(0);
                if (!e.kind.equals(kind) || e.amount != signed || !e.reference.equals(r.reference().strip())) {
                    throw new Conflict("idempotency key " + r.idempotencyKey() + " was used for another movement", null);
                }
                return e;
            }
            if (signed < 0) {
                long share = share(em, f.id, us);
                if (-signed > share) throw new Rejected("amount", "our share of the fund is " + share);
            }
            created[0] = true;
            return insert(em, f.id, us, kind, signed, null, null, r.idempotencyKey(), r.reference().strip(), caller);
        });
        if (created[0]) {
            audit.record(caller, "partners.fund." + kind.toLowerCase(), String.valueOf(id), r.amount() + " " + r.reference());
        }
        return new Moved(get(caller, id), entry.id, created[0]);
    }

    /**
     * Pays (part of) a settlement from the payer's share of the pair's fund, in the caller's transaction that holds
     * the settlement's row lock: {@code amount}, or when null as much as is outstanding and the share holds.
     * Records the payment and the fund entry together, so neither is ever written without the other.
     */
    static PaymentEntity payFromFund(EntityManager em, Caller caller, SettlementEntity s, long outstanding, Long amount) {
        if (s.payerOrg == null) throw new Rejected("fromFund", "the settlement nets to zero: nobody pays");
        if (outstanding <= 0) throw new Rejected("fromFund", "settlement " + s.id + " is paid: nothing is outstanding");
        FundEntity f = of(em, s.orgLow, s.orgHigh);
        if (f == null) throw new Rejected("fromFund", "there is no shared fund between the two partners");
        f = em.find(FundEntity.class, f.id, LockModeType.PESSIMISTIC_WRITE);
        long share = share(em, f.id, s.payerOrg);
        long pay = amount != null ? amount : Math.min(outstanding, share);
        if (pay <= 0) throw new Rejected("fromFund", "the payer's share of the fund is empty");
        if (pay > outstanding) throw new Rejected("amount", "only " + outstanding + " is outstanding on settlement " + s.id);
        if (pay > share) throw new Rejected("amount", "the payer's share of the fund is " + share);
        String reference = "shared fund " + f.id + ": " + f.name;
        PaymentEntity p = new PaymentEntity();
        p.settlementId = s.id;
        p.amount = pay;
        p.reference = reference.length() <= 200 ? reference : reference.substring(0, 200);
        p.recordedByOrg = caller.organisationId();
        p.recordedBy = caller.actor();
        p.recordedAt = Instant.now();
        em.persist(p);
        em.flush(); // the payment's id, for the entry
        insert(em, f.id, s.payerOrg, FundEntryEntity.SETTLEMENT, -pay, s.id, p.id, "settlement:" + s.id + ":" + p.id,
            "settlement " + s.id, caller);
        return p;
    }

    private static FundEntryEntity insert(EntityManager em, long fund, String org, String kind, long amount,
                                          Long settlement, Long payment, String key, String reference, Caller caller) {
        FundEntryEntity e = new FundEntryEntity();
        e.fundId = fund;
        e.organisationId = org;
        e.kind = kind;
        e.amount = amount;
        e.settlementId = settlement;
        e.paymentId = payment;
        e.idempotencyKey = key;
        e.reference = reference;
        e.recordedByOrg = caller.organisationId();
        e.recordedBy = caller.actor();
        e.recordedAt = Instant.now();
        em.persist(e);
        return e;
    }

    private static long share(EntityManager em, long fund, String org) {
        // a Number: PostgreSQL sums BIGINTs as NUMERIC (BigDecimal), Derby as BIGINT
        return ((Number) em.createQuery("select coalesce(sum(e.amount), 0) from FundEntryEntity e where e.fundId = :f"
            + " and e.organisationId = :o").setParameter("f", fund).setParameter("o", org).getSingleResult()).longValue();
    }

    private static FundEntity visible(EntityManager em, Caller caller, long id, boolean lock) {
        FundEntity f = lock ? em.find(FundEntity.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(FundEntity.class, id);
        if (f == null || !f.side(caller.organisationId())) throw new NotFound("no shared fund " + id);
        return f;
    }

    private Fund view(EntityManager em, String us, FundEntity f) {
        List<FundEntryEntity> entries = em.createQuery("select e from FundEntryEntity e where e.fundId = :f order by e.id",
            FundEntryEntity.class).setParameter("f", f.id).getResultList();
        String them = f.other(us);
        Share ours = share(entries, us);
        Share theirs = share(entries, them);
        List<Entry> shown = entries.stream().map(e -> new Entry(e.id, e.recordedAt,
            e.organisationId.equals(us) ? "US" : "PARTNER", e.kind, e.amount, e.settlementId, e.reference,
            agreements.code(e.recordedByOrg) + ":" + e.recordedBy)).toList();
        return new Fund(f.id, agreements.code(them), f.name, ours, theirs, ours.balance() + theirs.balance(), shown,
            f.createdAt);
    }

    private static Share share(List<FundEntryEntity> entries, String org) {
        long deposited = 0;
        long withdrawn = 0;
        long settlements = 0;
        for (FundEntryEntity e : entries) {
            if (!e.organisationId.equals(org)) continue;
            switch (e.kind) {
                case FundEntryEntity.DEPOSIT -> deposited += e.amount;
                case FundEntryEntity.WITHDRAWAL -> withdrawn -= e.amount;
                default -> settlements -= e.amount;
            }
        }
        return new Share(deposited, withdrawn, settlements, deposited - withdrawn - settlements);
    }

    private static void managers(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
    }
}

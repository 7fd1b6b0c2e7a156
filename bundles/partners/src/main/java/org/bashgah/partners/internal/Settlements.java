package org.bashgah.partners.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.persistence.EntityManager;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Statements and settlements between two partners. A statement lists the settlement lines of a period (UTC days,
 * {@code from} to {@code to} inclusive) from the caller's side: {@code +} what the partner owes us, {@code -} what we
 * owe it, so the two sides' statements of one period add up to zero. A settlement fixes a period that is over (its
 * lines can no longer change), says who pays whom the net, and is closed by recorded payments; it is never edited.
 */
@Component(service = Settlements.class)
public class Settlements {
    private final PartnersDatabase db;
    private final Agreements agreements;
    private final AuditTrail audit;

    @Activate
    public Settlements(@Reference PartnersDatabase db, @Reference Agreements agreements, @Reference AuditTrail audit) {
        this.db = db;
        this.agreements = agreements;
        this.audit = audit;
    }

    /** One line as a side sees it: signed from its side, the member only as a pseudonymous reference. */
    public record Line(long id, Instant at, long agreement, long amount, String direction, String memberRef,
                       String purchaseRef, String note) {
    }

    public record Statement(String partner, LocalDate from, LocalDate to, List<Line> lines, long owedToUs,
                            long owedByUs, long net) {
    }

    public Statement statement(Caller caller, String partnerCode, LocalDate from, LocalDate to) {
        managers(caller);
        String partner = partnerOf(caller, partnerCode);
        period(from, to);
        String us = caller.organisationId();
        List<Line> lines = db.read(em -> lines(em, us, partner, from, to)).stream().map(l -> {
            boolean ours = l.creditorOrg.equals(us);
            return new Line(l.id, l.at, l.agreementId, ours ? l.amount : -l.amount,
                ours ? "PARTNER_OWES_US" : "WE_OWE_PARTNER", l.memberRef, l.purchaseRef, l.note);
        }).toList();
        long toUs = lines.stream().filter(l -> l.amount() > 0).mapToLong(Line::amount).sum();
        long byUs = -lines.stream().filter(l -> l.amount() < 0).mapToLong(Line::amount).sum();
        return new Statement(partnerCode, from, to, lines, toUs, byUs, toUs - byUs);
    }

    static List<SettlementLineEntity> lines(EntityManager em, String us, String them, LocalDate from, LocalDate to) {
        return em.createQuery("select l from SettlementLineEntity l where ((l.debtorOrg = :us and l.creditorOrg = :them)"
                + " or (l.debtorOrg = :them and l.creditorOrg = :us)) and l.at >= :from and l.at < :to order by l.id",
                SettlementLineEntity.class).setParameter("us", us).setParameter("them", them)
            .setParameter("from", start(from)).setParameter("to", start(to.plusDays(1))).getResultList();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void period(LocalDate from, LocalDate to) {
        new Validation().require("from", from).require("to", to)
            .check(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
            .check(from == null || to == null || !to.isAfter(from.plusYears(5)), "to", "must be at most five years after from")
            .throwIfInvalid();
    }

    private String partnerOf(Caller caller, String code) {
        return agreements.partnerOf(caller, "partner", code);
    }

    private static void managers(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
    }

    public record SettlementRequest(String partner) {
    }

    public record Payment(long id, long amount, String reference, String recordedBy, Instant recordedAt) {
    }

    /** A settlement from the caller's side: who pays ({@code US}, {@code PARTNER} or nobody) and what is left. */
    public record Settlement(long id, String partner, Instant from, Instant to, String payer, long amount,
                             int lines, long paid, long outstanding, String status, List<Payment> payments,
                             Instant createdAt) {
    }

    /**
     * Settles every line of the pair not settled yet, up to {@link #SETTLING_DELAY} ago: a line still being
     * written (its id taken, its transaction not committed) is never skipped; it waits for the next settlement.
     */
    public Settlement settle(Caller caller, SettlementRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        String partner = partnerOf(caller, r.partner());
        String us = caller.organisationId();
        String low = us.compareTo(partner) < 0 ? us : partner;
        String high = low.equals(us) ? partner : us;
        SettlementEntity s = db.inTransaction(em -> {
            Instant now = Instant.now();
            List<SettlementEntity> before = em.createQuery("select s from SettlementEntity s where s.orgLow = :l"
                    + " and s.orgHigh = :h order by s.lastLineId desc", SettlementEntity.class).setParameter("l", low)
                .setParameter("h", high).setMaxResults(1).getResultList();
            long after = before.isEmpty() ? 0 : before.get(0).lastLineId;
            List<SettlementLineEntity> lines = em.createQuery("select l from SettlementLineEntity l where"
                    + " ((l.debtorOrg = :us and l.creditorOrg = :them) or (l.debtorOrg = :them and l.creditorOrg = :us))"
                    + " and l.id > :after and l.at < :upTo order by l.id", SettlementLineEntity.class)
                .setParameter("us", us).setParameter("them", partner).setParameter("after", after)
                .setParameter("upTo", now.minus(SETTLING_DELAY)).getResultList();
            if (lines.isEmpty()) throw new Rejected("partner", "nothing to settle with " + r.partner() + " yet");
            long net = lines.stream().mapToLong(l -> l.creditorOrg.equals(us) ? l.amount : -l.amount).sum();
            SettlementEntity x = new SettlementEntity();
            x.orgLow = low;
            x.orgHigh = high;
            x.afterLineId = after;
            x.lastLineId = lines.get(lines.size() - 1).id;
            x.from = before.isEmpty() ? null : before.get(0).to;
            x.to = now.minus(SETTLING_DELAY);
            // net > 0: the partner owes us, so it pays
            x.payerOrg = net == 0 ? null : net > 0 ? partner : us;
            x.payeeOrg = net == 0 ? null : net > 0 ? us : partner;
            x.amount = Math.abs(net);
            x.lineCount = lines.size();
            x.createdAt = now;
            x.createdBy = caller.actor();
            em.persist(x);
            return x;
        });
        audit.record(caller, "partners.settlement.create", String.valueOf(s.id), r.partner() + " " + s.amount);
        return get(caller, s.id);
    }

    /** How old a line must be before a settlement takes it. */
    static final java.time.Duration SETTLING_DELAY = java.time.Duration.ofSeconds(5);

    /** A payment made outside (amount and reference), or {@code fromFund}: from the payer's share of the shared fund. */
    public record PaymentRequest(Long amount, String reference, Boolean fromFund) {
    }

    /**
     * Records a payment against a settlement; more than is outstanding is refused. With {@code fromFund} the pair's
     * shared fund pays it from the payer's share ({@link Funds#payFromFund}): the amount given, or else as much as
     * is outstanding and the share holds.
     */
    public Settlement pay(Caller caller, long id, PaymentRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        boolean fromFund = Boolean.TRUE.equals(r.fromFund());
        Validation v = new Validation();
        if (!fromFund || r.amount() != null) v.require("amount", r.amount()).positive("amount", r.amount());
        if (fromFund) v.check(r.reference() == null, "reference", "a payment from the shared fund names the fund itself");
        else v.require("reference", r.reference()).text("reference", r.reference(), 200);
        v.throwIfInvalid();
        PaymentEntity done = db.inTransaction(em -> {
            SettlementEntity s = em.find(SettlementEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (s == null || !(s.orgLow.equals(caller.organisationId()) || s.orgHigh.equals(caller.organisationId()))) {
                throw new NotFound("no settlement " + id);
            }
            long outstanding = s.amount - paid(em, id);
            if (fromFund) return Funds.payFromFund(em, caller, s, outstanding, r.amount());
            if (r.amount() > outstanding) {
                throw new Rejected("amount", "only " + outstanding + " is outstanding on settlement " + id);
            }
            PaymentEntity p = new PaymentEntity();
            p.settlementId = id;
            p.amount = r.amount();
            p.reference = r.reference().strip();
            p.recordedByOrg = caller.organisationId();
            p.recordedBy = caller.actor();
            p.recordedAt = Instant.now();
            em.persist(p);
            return p;
        });
        audit.record(caller, "partners.settlement.pay", String.valueOf(id), done.amount + " " + done.reference);
        return get(caller, id);
    }

    private static long paid(EntityManager em, long id) {
        // a Number: PostgreSQL sums BIGINTs as NUMERIC (BigDecimal), Derby as BIGINT
        return ((Number) em.createQuery("select coalesce(sum(p.amount), 0) from PaymentEntity p where p.settlementId = :s")
            .setParameter("s", id).getSingleResult()).longValue();
    }

    public Settlement get(Caller caller, long id) {
        managers(caller);
        return db.read(em -> {
            SettlementEntity s = em.find(SettlementEntity.class, id);
            if (s == null || !(s.orgLow.equals(caller.organisationId()) || s.orgHigh.equals(caller.organisationId()))) {
                throw new NotFound("no settlement " + id);
            }
            return view(em, caller.organisationId(), s);
        });
    }

    public List<Settlement> list(Caller caller, String partnerCode) {
        managers(caller);
        String us = caller.organisationId();
        String partner = partnerCode == null ? null : partnerOf(caller, partnerCode);
        return db.read(em -> em.createQuery("select s from SettlementEntity s where s.orgLow = :us or s.orgHigh = :us"
                + " order by s.id", SettlementEntity.class).setParameter("us", us).getResultList().stream()
            .filter(s -> partner == null || s.orgLow.equals(partner) || s.orgHigh.equals(partner))
            .map(s -> view(em, us, s)).toList());
    }

    private Settlement view(EntityManager em, String us, SettlementEntity s) {
        List<Payment> payments = em.createQuery("select p from PaymentEntity p where p.settlementId = :s order by p.id",
                PaymentEntity.class).setParameter("s", s.id).getResultList().stream()
            .map(p -> new Payment(p.id, p.amount, p.reference, agreements.code(p.recordedByOrg) + ":" + p.recordedBy,
                p.recordedAt)).toList();
        long paid = payments.stream().mapToLong(Payment::amount).sum();
        String partner = s.orgLow.equals(us) ? s.orgHigh : s.orgLow;
        String payer = s.payerOrg == null ? null : s.payerOrg.equals(us) ? "US" : "PARTNER";
        return new Settlement(s.id, agreements.code(partner), s.from, s.to, payer, s.amount, s.lineCount, paid,
            s.amount - paid, paid >= s.amount ? "CLOSED" : "OPEN", payments, s.createdAt);
    }
}

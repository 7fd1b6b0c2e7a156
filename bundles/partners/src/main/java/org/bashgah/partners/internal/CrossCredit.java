package org.bashgah.partners.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.BashgahException;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.LedgerEntry;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross credit (docs/partners.md): a purchase at side X by a person who, as a member of the partner Y, consented
 * to be recognised at X, earns that member X's {@code creditPercent} as partner credit {@code PARTNER_CREDIT:<X>}
 * in Y's ledger, spendable at Y. Spending it there writes a settlement line: X owes Y what was spent.
 *
 * <p>Nothing is lost or written twice: an issue is first recorded here (one per agreement and purchase, under the
 * agreement's lock, which keeps the monthly cap), then posted to core's ledger under a key naming the agreement
 * and purchase; an issue a crash left unposted is posted at the next start. A redemption is recorded under the
 * caller's idempotency key, posted to the ledger under a key derived from it, then its settlement line is written
 * (one per redemption); a retry of an interrupted redemption finishes it.
 */
@Component(service = CrossCredit.class, immediate = true)
public class CrossCredit {
    private static final Logger LOG = LoggerFactory.getLogger(CrossCredit.class);

    private final PartnersDatabase db;
    private final Agreements agreements;
    private final AgreementPresence presence;
    private final MemberService members;
    private final LedgerService ledger;
    private final AuditTrail audit;
    private final BranchService branches;
    private final Outbox outbox;

    @Activate
    public CrossCredit(@Reference PartnersDatabase db, @Reference Agreements agreements,
                       @Reference MemberService members, @Reference LedgerService ledger, @Reference AuditTrail audit,
                       @Reference BranchService branches, @Reference Outbox outbox,
                       @Reference AgreementPresence presence) {
        this.presence = presence;
        this.branches = branches;
        this.outbox = outbox;
        this.db = db;
        this.agreements = agreements;
        this.members = members;
        this.ledger = ledger;
        this.audit = audit;
        postUnposted();
    }

    // ------------------------------------------------------------------------------------------- consent

    public record ConsentRequest(String member, String note, Boolean enrolAtPartner) {
    }

    /**
     * A member of ours consents to be recognised at the agreement's other side; with {@code enrolAtPartner} (only
     * under an agreement in force that allows {@code autoEnrol}) also to be joined there, with the same phone and
     * name. The answer is the same whether the person was a member there already or not: that is the partner's.
     */
    public ConsentEntity consent(Caller caller, long agreementId, ConsentRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR, Caller.POS);
        if (r == null) throw Problems.noBody();
        new Validation().require("member", r.member()).text("member", r.member(), 100)
            .require("note", r.note()).text("note", r.note(), 500).throwIfInvalid();
        Member member = member(caller.organisationId(), r.member());
        boolean enrol = Boolean.TRUE.equals(r.enrolAtPartner());
        String[] partner = new String[1];
        ConsentEntity saved = db.inTransaction(em -> {
            AgreementEntity a = Agreements.visible(em, caller, agreementId, false);
            if (a.endedAt != null) throw new Conflict("agreement " + agreementId + " has ended", null);
            if (enrol && (a.autoEnrol != 1 || !a.activeOn(Agreements.today()))) {
                throw new Rejected("enrolAtPartner", "agreement " + agreementId
                    + " is not in force with automatic enrolment, so its consent cannot enrol the member there");
            }
            partner[0] = a.other(caller.organisationId());
            Optional<ConsentEntity> existing = consentOf(em, agreementId, caller.organisationId(), member.id());
            if (existing.isPresent()) return existing.get();
            RemoteEntity remote = Remotes.ofParty(em, partner[0]);
            ConsentEntity c = new ConsentEntity();
            c.agreementId = agreementId;
            c.organisationId = caller.organisationId();
            c.memberId = member.id();
            c.phoneHash = Hashes.sha256Hex(member.phone());
            c.note = r.note().strip();
            c.enrolAtPartner = enrol ? 1 : 0;
            c.givenAt = Instant.now();
            c.givenBy = caller.actor();
            em.persist(c);
            // a partner on another server recognises the person by the phone's hash, sent with the consent
            if (remote != null) Outbox.enqueue(em, remote, "consent", Map.of("ref", a.remoteRef, "phoneHash", c.phoneHash));
            return c;
        });
        if (Remotes.isRemote(partner[0])) outbox.deliverSoon();
        audit.record(caller, "partners.consent", member.id(), "agreement " + agreementId + (enrol ? ", enrol" : ""));
        if (enrol) {
            try {
                members.join(partner[0], member.phone(), member.name(), "partners:" + agreements.code(caller.organisationId()));
            } catch (Conflict alreadyThere) {
                // a member of the partner already: recognised by the consent, nothing to join
            }
        }
        return saved;
    }

    /** Our own members' consents under an agreement; the other side's are never listed. */
    public List<ConsentEntity> consents(Caller caller, long agreementId) {
        return db.read(em -> {
            Agreements.visible(em, caller, agreementId, false);
            return em.createQuery("select c from ConsentEntity c where c.agreementId = :a and c.organisationId = :o"
                + " order by c.id", ConsentEntity.class).setParameter("a", agreementId)
                .setParameter("o", caller.organisationId()).getResultList();
        });
    }

    private static Optional<ConsentEntity> consentOf(EntityManager em, long agreement, String org, String member) {
        return em.createQuery("select c from ConsentEntity c where c.agreementId = :a and c.organisationId = :o"
                + " and c.memberId = :m", ConsentEntity.class).setParameter("a", agreement).setParameter("o", org)
            .setParameter("m", member).getResultList().stream().findFirst();
    }

    /** The partner member who consented under this agreement and has this phone, if any. */
    static Optional<ConsentEntity> consentByPhone(EntityManager em, long agreement, String partnerOrg, String phone) {
        return consentByHash(em, agreement, partnerOrg, Hashes.sha256Hex(phone));
    }

    static Optional<ConsentEntity> consentByHash(EntityManager em, long agreement, String org, String phoneHash) {
        return em.createQuery("select c from ConsentEntity c where c.agreementId = :a and c.phoneHash = :p"
                + " and c.organisationId = :o", ConsentEntity.class).setParameter("a", agreement)
            .setParameter("p", phoneHash).setParameter("o", org).getResultList().stream().findFirst();
    }

    /** A member of the organisation by id or phone; 404 for anything else, whoever's member it may be. */
    Member member(String organisationId, String idOrPhone) {
        return members.find(organisationId, idOrPhone)
            .or(() -> members.findByPhone(organisationId, idOrPhone))
            .orElseThrow(() -> new NotFound("no member " + idOrPhone));
    }

    // ------------------------------------------------------------------------------------------- earning

    /** What core told us about a posted purchase. */
    public record Purchase(String organisationId, String memberId, String purchaseId, String branch, long amount,
                           Instant at) {
    }

    /** Issues partner credit for a purchase at its organisation, under every agreement that gives some. */
    public void earn(Purchase p) {
        if (!presence.any(p.organisationId())) return;
        LocalDate day = p.at().atZone(ZoneOffset.UTC).toLocalDate();
        List<AgreementEntity> candidates = db.read(em -> Agreements.ofOrganisation(em, p.organisationId())).stream()
            .filter(a -> a.activeOn(day) && a.terms(p.organisationId()).creditPercent().signum() > 0).toList();
        if (candidates.isEmpty()) return;
        Member buyer = members.find(p.organisationId(), p.memberId()).orElse(null);
        if (buyer == null) return;
        for (AgreementEntity candidate : candidates) {
            IssueEntity issue = db.inTransaction(em -> issue(em, candidate.id, p, buyer));
            if (issue != null) post(issue);
        }
    }

    private IssueEntity issue(EntityManager em, long agreementId, Purchase p, Member buyer) {
        // the agreement's lock keeps the monthly cap when purchases race
        AgreementEntity a = em.find(AgreementEntity.class, agreementId, LockModeType.PESSIMISTIC_WRITE);
        String holderOrg = a.other(p.organisationId());
        ConsentEntity holder = consentByPhone(em, a.id, holderOrg, buyer.phone()).orElse(null);
        if (holder == null) return null;
        List<IssueEntity> existing = em.createQuery("select i from IssueEntity i where i.agreementId = :a"
            + " and i.purchaseId = :p", IssueEntity.class).setParameter("a", a.id).setParameter("p", p.purchaseId())
            .getResultList();
        if (!existing.isEmpty()) return existing.get(0);
        AgreementEntity.Terms terms = a.terms(p.organisationId());
        long amount = Money.percentOf(p.amount(), terms.creditPercent());
        if (terms.maxCreditPerPurchase() > 0) amount = Math.min(amount, terms.maxCreditPerPurchase());
        String month = p.at().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
        if (terms.monthlyCreditCap() > 0) {
            // net of what refunds took back: a refunded purchase frees its room under the cap. A Number:
            // PostgreSQL sums BIGINTs as NUMERIC (BigDecimal), Derby as BIGINT
            long issued = ((Number) em.createQuery("select coalesce(sum(i.amount - i.takenBack), 0) from IssueEntity i"
                    + " where i.agreementId = :a and i.issuerOrg = :o and i.monthOf = :m").setParameter("a", a.id)
                .setParameter("o", p.organisationId()).setParameter("m", month).getSingleResult()).longValue();
            amount = Math.min(amount, Math.max(0, terms.monthlyCreditCap() - issued));
        }
        if (amount <= 0) return null;
        IssueEntity i = new IssueEntity();
        i.agreementId = a.id;
        i.purchaseId = p.purchaseId();
        i.issuerOrg = p.organisationId();
        i.holderOrg = holderOrg;
        i.holderMember = holder.memberId;
        i.amount = amount;
        i.monthOf = month;
        i.issuedAt = Instant.now();
        i.posted = 0;
        em.persist(i);
        return i;
    }

    private void post(IssueEntity i) {
        if (Remotes.isRemote(i.holderOrg)) {
            sendIssue(i);
            return;
        }
        String issuerCode = agreements.code(i.issuerOrg);
        ledger.post(i.holderOrg, i.holderMember, "partners.earn:" + i.agreementId + ":" + i.purchaseId,
            List.of(new LedgerService.Posting(Account.partnerCredit(issuerCode), i.amount, EntryKind.EARN,
                "partners:agreement:" + i.agreementId, "Partner credit from " + agreements.name(i.issuerOrg), null)),
            "partners");
        db.inTransaction(em -> {
            em.find(IssueEntity.class, i.id).posted = 1;
            return null;
        });
    }

    /**
     * Credit for a member of a partner on another server: the message (with the consent's phone hash, which is how
     * the partner finds its member) is written with the issue's posted mark, and the outbox delivers it.
     */
    private void sendIssue(IssueEntity issue) {
        db.inTransaction(em -> {
            IssueEntity i = em.find(IssueEntity.class, issue.id, LockModeType.PESSIMISTIC_WRITE);
            if (i.posted == 1) return null;
            AgreementEntity a = em.find(AgreementEntity.class, i.agreementId);
            ConsentEntity c = consentOf(em, i.agreementId, i.holderOrg, i.holderMember).orElseThrow();
            Outbox.enqueue(em, Remotes.ofParty(em, i.holderOrg), "credit-issue", Map.of("ref", a.remoteRef,
                "issue", String.valueOf(i.id), "amount", i.amount, "phoneHash", c.phoneHash));
            i.posted = 1;
            return null;
        });
        outbox.deliverSoon();
    }

    /** What core told us about a refund of a purchase: this refund's amount and the purchase's refunded total. */
    public record Refund(String organisationId, String purchaseId, long purchaseAmount, long totalRefunded) {
    }

    /**
     * Takes back, for every issue of partner credit for the refunded purchase, the refunded share of it: after
     * refunds of a third and then the rest, a third and then all of it. What the member already spent at the
     * partner stays spent (its settlement line stands; the issuer bears it), so the take-back is at most the
     * member's partner credit of that issuer. Redelivered or late events take nothing twice: an issue keeps what
     * refunds took back ({@link IssueEntity#reversed}) and only the difference to the new target is posted, under a
     * key naming the refunded total.
     */
    public void reverse(Refund r) {
        if (r.purchaseAmount() <= 0 || r.totalRefunded() <= 0) return;
        List<Long> issues = db.read(em -> em.createQuery("select i.id from IssueEntity i where i.issuerOrg = :o"
            + " and i.purchaseId = :p", Long.class).setParameter("o", r.organisationId())
            .setParameter("p", r.purchaseId()).getResultList());
        for (long issueId : issues) {
            IssueEntity issue = db.read(em -> em.find(IssueEntity.class, issueId));
            if (Remotes.isRemote(issue.holderOrg)) {
                LOG.info("Refund of purchase {}: partner credit issued to a partner on another server is not taken back",
                    r.purchaseId());
                continue;
            }
            if (issue.posted == 0) post(issue); // the credit reaches the ledger before any of it is taken back
            long[] take = new long[1];
            IssueEntity locked = db.inTransaction(em -> {
                IssueEntity i = em.find(IssueEntity.class, issueId, LockModeType.PESSIMISTIC_WRITE);
                long target = Math.min(i.amount,
                    Math.multiplyExact(i.amount, Math.min(r.totalRefunded(), r.purchaseAmount())) / r.purchaseAmount());
                take[0] = Math.max(0, target - i.reversed);
                i.reversed = Math.max(i.reversed, target);
                return i;
            });
            if (take[0] > 0) takeBack(locked, take[0], r.totalRefunded());
        }
    }

    private void takeBack(IssueEntity i, long wanted, long totalRefunded) {
        Account account = Account.partnerCredit(agreements.code(i.issuerOrg));
        String key = "partners.refund:" + i.agreementId + ":" + i.purchaseId + ":" + totalRefunded;
        // the balance may shrink between reading and posting (the member spends at the partner): read it again
        for (int attempt = 0; attempt < 3; attempt++) {
            long amount = Math.min(wanted, ledger.balance(i.holderOrg, i.holderMember, account));
            if (amount <= 0) break;
            try {
                List<LedgerEntry> written = ledger.post(i.holderOrg, i.holderMember, key, List.of(new LedgerService.Posting(
                    account, -amount, EntryKind.REVERSAL, "partners:agreement:" + i.agreementId,
                    "Partner credit taken back: a purchase at " + agreements.name(i.issuerOrg) + " was refunded", null)),
                    "partners");
                long taken = -written.stream().mapToLong(LedgerEntry::amount).sum(); // a replay answers the first post
                db.inTransaction(em -> em.find(IssueEntity.class, i.id, LockModeType.PESSIMISTIC_WRITE).takenBack += taken);
                if (taken < wanted) {
                    LOG.info("Refund of purchase {}: took back {} of {} partner credit; the rest was spent", i.purchaseId,
                        taken, wanted);
                }
                return;
            } catch (Rejected spentMeanwhile) {
                LOG.debug("Partner credit changed while taking back {}; again", key);
            }
        }
        LOG.info("Refund of purchase {}: the member had spent all of the {} partner credit to take back", i.purchaseId,
            wanted);
    }

    /** Posts issues a crash left between our table and the ledger; the ledger's key makes a second post a no-op. */
    void postUnposted() {
        List<IssueEntity> pending = db.read(em -> em.createQuery("select i from IssueEntity i where i.posted = :z",
            IssueEntity.class).setParameter("z", 0).getResultList());
        for (IssueEntity i : pending) {
            try {
                post(i);
            } catch (RuntimeException e) {
                LOG.warn("Could not post partner credit issue {}: {}", i.id, e.toString());
            }
        }
    }

    // ------------------------------------------------------------------------------------------- spending

    /**
     * Body of a redemption: {@code issuer} is the partner whose credit is spent (its organisation code), and either
     * {@code amount} (partner credit, money) or {@code points} (pooled points the same person holds at the issuer).
     */
    public record RedemptionRequest(String idempotencyKey, String member, String branch, String issuer, Long amount,
                                    Long points, String purchase) {
    }

    /**
     * What a redemption did; {@code balance} is what is left of the spent credit (or of the points at the issuer);
     * {@code created} is false for a replay of the same key.
     */
    public record Redeemed(RedemptionEntity redemption, SettlementLineEntity line, long balance, boolean created) {
    }

    public Redeemed redeem(Caller caller, RedemptionRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR, Caller.POS);
        if (r == null) throw Problems.noBody();
        boolean points = r.points() != null;
        Validation v = new Validation().require("idempotencyKey", r.idempotencyKey())
            .text("idempotencyKey", r.idempotencyKey(), 64)
            .require("member", r.member()).text("member", r.member(), 100)
            .require("branch", r.branch()).code("branch", r.branch())
            .require("issuer", r.issuer()).code("issuer", r.issuer())
            .check(r.amount() == null || r.points() == null, "points", "give amount (partner credit) or points, not both")
            .text("purchase", r.purchase(), 100);
        if (points) v.positive("points", r.points());
        else v.require("amount", r.amount()).positive("amount", r.amount());
        v.throwIfInvalid();
        caller.requireBranch(r.branch());
        if (branches.find(caller.organisationId(), r.branch()).filter(b -> b.active()).isEmpty()) {
            throw new Rejected("branch", "no active branch " + r.branch());
        }
        Member member = member(caller.organisationId(), r.member());
        var issuer = agreements.partner(caller.organisationId(), "issuer", r.issuer());
        String fingerprint = Hashes.sha256Hex(String.join("|", member.id(), r.branch(), issuer.id(),
            String.valueOf(r.amount()), String.valueOf(r.points()), String.valueOf(r.purchase())));
        // 1. record the redemption under the key (or find the one recorded before)
        RedemptionEntity redemption = db.inTransaction(em -> {
            List<RedemptionEntity> seen = em.createQuery("select r from RedemptionEntity r where r.organisationId = :o"
                    + " and r.idempotencyKey = :k", RedemptionEntity.class).setParameter("o", caller.organisationId())
                .setParameter("k", r.idempotencyKey()).getResultList();
            if (!seen.isEmpty()) {
                if (!seen.get(0).fingerprint.equals(fingerprint)) {
                    throw new Conflict("idempotency key " + r.idempotencyKey() + " was used for another redemption", null);
                }
                return seen.get(0);
            }
            RedemptionEntity x = new RedemptionEntity();
            if (points && issuer.remote() != null) {
                throw new Rejected("points", "points are not pooled with a partner on another server");
            }
            if (points) {
                // pooled points: an agreement that pools them, and the person's consent at the issuer to spend them
                AgreementEntity a = Agreements.activeBetween(em, caller.organisationId(), issuer.id(), Agreements.today())
                    .stream().filter(g -> g.pointValue > 0).findFirst().orElseThrow(() -> new Rejected("issuer",
                        "no agreement in force with " + r.issuer() + " pools points"));
                ConsentEntity consent = consentByPhone(em, a.id, issuer.id(), member.phone()).orElseThrow(() ->
                    new Rejected("points", "the member has not consented at " + r.issuer() + " to spend points there"));
                x.agreementId = a.id;
                x.points = r.points();
                x.issuerMember = consent.memberId;
                try {
                    x.amount = Math.multiplyExact(r.points(), a.pointValue);
                } catch (ArithmeticException e) {
                    throw new Rejected("points", "more points than any member could hold");
                }
            } else {
                AgreementEntity a = Agreements.activeBetween(em, caller.organisationId(), issuer.id(), Agreements.today())
                    .stream().findFirst().orElseThrow(() -> new Rejected("issuer",
                        "no agreement in force with " + r.issuer() + ": its credit cannot be spent here"));
                x.agreementId = a.id;
                x.amount = r.amount();
            }
            x.organisationId = caller.organisationId();
            x.idempotencyKey = r.idempotencyKey();
            x.fingerprint = fingerprint;
            x.issuerOrg = issuer.id();
            x.memberId = member.id();
            x.branch = r.branch();
            x.purchaseRef = r.purchase();
            x.createdAt = Instant.now();
            x.actor = caller.actor();
            em.persist(x);
            return x;
        });
        Optional<SettlementLineEntity> done = db.read(em -> lineOf(em, redemption.id));
        if (done.isPresent()) return new Redeemed(redemption, done.get(), left(redemption, issuer.code()), false);
        // 2. take the credit (ours) or the points (at the issuer) from the ledger, idempotent under the derived key
        String where = "Spent at " + r.branch() + (r.purchase() == null ? "" : " for " + r.purchase());
        try {
            if (redemption.points > 0) {
                ledger.post(redemption.issuerOrg, redemption.issuerMember, "partners.redeem:" + redemption.id,
                    List.of(new LedgerService.Posting(Account.points(), -redemption.points, EntryKind.REDEEM,
                        "partners:agreement:" + redemption.agreementId,
                        where + " of " + agreements.code(caller.organisationId()), null)), caller.actor());
            } else {
                ledger.post(caller.organisationId(), member.id(), "partners.redeem:" + redemption.id,
                    List.of(new LedgerService.Posting(Account.partnerCredit(issuer.code()), -redemption.amount,
                        EntryKind.REDEEM, "partners:agreement:" + redemption.agreementId, where, null)),
                    caller.actor());
            }
        } catch (BashgahException.Rejected e) {
            // not enough: nothing was taken, so the recorded redemption goes and the key may be used again
            db.inTransaction(em -> {
                RedemptionEntity x = em.find(RedemptionEntity.class, redemption.id);
                if (x != null && lineOf(em, x.id).isEmpty()) em.remove(x);
                return null;
            });
            if (points) throw new Rejected("points", "the member holds fewer points at " + r.issuer() + " than " + r.points());
            throw new Rejected("amount", "the member holds less partner credit of " + r.issuer() + " than "
                + r.amount());
        }
        // 3. the settlement line: the issuer owes us what its credit (or its points) paid here
        SettlementLineEntity line = db.inTransaction(em -> lineOf(em, redemption.id).orElseGet(() -> {
            AgreementEntity a = em.find(AgreementEntity.class, redemption.agreementId);
            SettlementLineEntity l = new SettlementLineEntity();
            l.redemptionId = redemption.id;
            l.agreementId = redemption.agreementId;
            l.debtorOrg = redemption.issuerOrg;
            l.creditorOrg = redemption.organisationId;
            l.amount = redemption.amount;
            l.memberRef = Hashes.memberRef(a.salt, redemption.organisationId, redemption.memberId);
            l.purchaseRef = redemption.purchaseRef;
            l.note = redemption.points > 0 ? redemption.points + " pooled points spent" : "partner credit spent";
            l.at = Instant.now();
            em.persist(l);
            RemoteEntity remote = Remotes.ofParty(em, redemption.issuerOrg);
            if (remote != null) {
                // the issuer on another server keeps the same line: it owes us
                em.flush();
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("ref", a.remoteRef);
                fields.put("line", String.valueOf(l.id));
                fields.put("amount", l.amount);
                fields.put("memberRef", l.memberRef);
                fields.put("purchaseRef", l.purchaseRef);
                fields.put("at", l.at.toString());
                Outbox.enqueue(em, remote, "settlement-line", fields);
            }
            return l;
        }));
        if (issuer.remote() != null) outbox.deliverSoon();
        audit.record(caller, "partners.redeem", member.id(), redemption.points > 0
            ? redemption.points + " points of " + r.issuer() : r.amount() + " of " + r.issuer());
        return new Redeemed(redemption, line, left(redemption, issuer.code()), true);
    }

    /** What the member has left of what a redemption spent: partner credit here, or points at the issuer. */
    private long left(RedemptionEntity x, String issuerCode) {
        return x.points > 0 ? ledger.balance(x.issuerOrg, x.issuerMember, Account.points())
            : ledger.balance(x.organisationId, x.memberId, Account.partnerCredit(issuerCode));
    }

    private long balance(String memberId, Caller caller, String issuerCode) {
        return ledger.balance(caller.organisationId(), memberId, Account.partnerCredit(issuerCode));
    }

    static Optional<SettlementLineEntity> lineOf(EntityManager em, long redemptionId) {
        return em.createQuery("select l from SettlementLineEntity l where l.redemptionId = :r",
            SettlementLineEntity.class).setParameter("r", redemptionId).getResultList().stream().findFirst();
    }

    /** A member's partner credit, by issuing partner (every partner of an agreement of ours, even ended ones). */
    public Map<String, Long> partnerCredit(Caller caller, String idOrPhone) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR, Caller.POS);
        Member member = member(caller.organisationId(), idOrPhone);
        Map<String, Long> credit = new LinkedHashMap<>();
        for (AgreementEntity a : agreements.list(caller.organisationId())) {
            String code = agreements.code(a.other(caller.organisationId()));
            credit.computeIfAbsent(code, c -> balance(member.id(), caller, c));
        }
        return credit;
    }

    /** A member's points here and, where an agreement in force pools them and the person consented there, at partners. */
    public record PooledPoints(long ours, Map<String, Long> partners, long total) {
    }

    public PooledPoints pooledPoints(Caller caller, String idOrPhone) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR, Caller.POS);
        String us = caller.organisationId();
        Member member = member(us, idOrPhone);
        // the partner member ids first, then the balances: no connection of ours is held while core reads the ledger
        Map<String, ConsentEntity> consents = db.read(em -> {
            Map<String, ConsentEntity> found = new LinkedHashMap<>();
            for (AgreementEntity a : Agreements.ofOrganisation(em, us)) {
                String partner = a.other(us);
                if (a.pointValue <= 0 || !a.activeOn(Agreements.today()) || Remotes.isRemote(partner)) continue;
                consentByPhone(em, a.id, partner, member.phone()).ifPresent(c -> found.putIfAbsent(partner, c));
            }
            return found;
        });
        long ours = ledger.balance(us, member.id(), Account.points());
        Map<String, Long> partners = new LinkedHashMap<>();
        consents.forEach((partner, c) -> partners.put(agreements.code(partner),
            ledger.balance(partner, c.memberId, Account.points())));
        return new PooledPoints(ours, partners, ours + partners.values().stream().mapToLong(Long::longValue).sum());
    }
}

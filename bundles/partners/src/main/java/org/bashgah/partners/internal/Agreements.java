package org.bashgah.partners.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Agreements between two organisations of this server: proposed by one, approved by each side (the proposer
 * too), then in force within their validity dates until either side ends them. A caller sees an agreement only
 * when its organisation is a side of it; to anyone else it does not exist (404).
 */
@Component(service = Agreements.class)
public class Agreements {
    private final PartnersDatabase db;
    private final OrganisationService organisations;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AgreementPresence presence;

    @Activate
    public Agreements(@Reference PartnersDatabase db, @Reference OrganisationService organisations,
                      @Reference AuditTrail audit, @Reference Outbox outbox, @Reference AgreementPresence presence) {
        this.db = db;
        this.presence = presence;
        this.organisations = organisations;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** One side's terms in a request: what a purchase at that side gives the other side's consenting members. */
    public record TermsRequest(BigDecimal creditPercent, BigDecimal discountPercent, String discountProductGroup,
                               Long maxCreditPerPurchase, Long monthlyCreditCap) {
    }

    /** Body of a proposal: the partner is the other organisation's code. */
    public record AgreementRequest(String partner, String name, LocalDate validFrom, LocalDate validTo,
                                   TermsRequest ours, TermsRequest theirs, Boolean autoEnrol, Long pointValue) {
    }

    public AgreementEntity propose(Caller caller, AgreementRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        Validation v = new Validation().require("partner", r.partner()).code("partner", r.partner())
            .require("name", r.name()).name("name", r.name(), 200)
            .require("validFrom", r.validFrom())
            .check(r.validTo() == null || r.validFrom() == null || !r.validTo().isBefore(r.validFrom()), "validTo",
                "must not be before validFrom")
            .require("ours", r.ours()).require("theirs", r.theirs())
            .check(r.pointValue() == null || r.pointValue() >= 0, "pointValue", "must not be negative");
        terms(v, "ours", r.ours());
        terms(v, "theirs", r.theirs());
        v.throwIfInvalid();
        Party partner = partner(caller.organisationId(), "partner", r.partner());
        if (partner.id().equals(caller.organisationId())) {
            throw new Rejected("partner", "an organisation cannot be its own partner");
        }
        if (partner.remote() != null && (Boolean.TRUE.equals(r.autoEnrol()) || zero(r.pointValue()) > 0)) {
            throw new Rejected(Boolean.TRUE.equals(r.autoEnrol()) ? "autoEnrol" : "pointValue",
                "enrolment at the partner and pooled points are not offered with a partner on another server");
        }
        if (nothing(r.ours()) && nothing(r.theirs()) && zero(r.pointValue()) == 0) {
            throw new Rejected("ours",
                "an agreement must give something: a credit or discount percent on either side, or pooled points");
        }
        AgreementEntity saved = db.inTransaction(em -> {
            AgreementEntity a = new AgreementEntity();
            a.name = r.name().strip();
            a.orgA = caller.organisationId();
            a.orgB = partner.id();
            a.validFrom = r.validFrom();
            a.validTo = r.validTo();
            a.creditPercentA = pct(r.ours().creditPercent());
            a.discountPercentA = pct(r.ours().discountPercent());
            a.discountGroupA = r.ours().discountProductGroup();
            a.maxPerPurchaseA = zero(r.ours().maxCreditPerPurchase());
            a.monthlyCapA = zero(r.ours().monthlyCreditCap());
            a.creditPercentB = pct(r.theirs().creditPercent());
            a.discountPercentB = pct(r.theirs().discountPercent());
            a.discountGroupB = r.theirs().discountProductGroup();
            a.maxPerPurchaseB = zero(r.theirs().maxCreditPerPurchase());
            a.monthlyCapB = zero(r.theirs().monthlyCreditCap());
            a.autoEnrol = Boolean.TRUE.equals(r.autoEnrol()) ? 1 : 0;
            a.pointValue = zero(r.pointValue());
            a.salt = Hashes.randomHex(16);
            a.proposedAt = Instant.now();
            a.proposedBy = caller.actor();
            if (partner.remote() != null) a.remoteRef = java.util.UUID.randomUUID().toString();
            em.persist(a);
            if (partner.remote() != null) {
                // the other server keeps the same agreement: its terms, from the proposer's side
                Outbox.enqueue(em, partner.remote(), "agreement-proposed", RemoteInbox.proposal(a));
            }
            return a;
        });
        presence.changed(saved.orgA, saved.orgB);
        if (partner.remote() != null) outbox.deliverSoon();
        audit.record(caller, "partners.agreement.propose", String.valueOf(saved.id), "with " + partner.code());
        return saved;
    }

    private static void terms(Validation v, String field, TermsRequest t) {
        if (t == null) return;
        percent(v, field + ".creditPercent", t.creditPercent());
        percent(v, field + ".discountPercent", t.discountPercent());
        v.code(field + ".discountProductGroup", t.discountProductGroup())
            .notNegative(field + ".maxCreditPerPurchase", t.maxCreditPerPurchase())
            .notNegative(field + ".monthlyCreditCap", t.monthlyCreditCap());
    }

    private static void percent(Validation v, String field, BigDecimal p) {
        if (p == null) return;
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) v.add(field, "must be from 0 to 100");
        else if (p.stripTrailingZeros().scale() > 2) v.add(field, "may have at most two decimals");
    }

    private static boolean nothing(TermsRequest t) {
        return pct(t.creditPercent()).signum() == 0 && pct(t.discountPercent()).signum() == 0;
    }

    private static BigDecimal pct(BigDecimal p) {
        return p == null ? BigDecimal.ZERO : p;
    }

    private static long zero(Long l) {
        return l == null ? 0 : l;
    }

    /** Records this side's approval; approving twice changes nothing. */
    public AgreementEntity approve(Caller caller, long id) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        AgreementEntity result = db.inTransaction(em -> {
            AgreementEntity a = visible(em, caller, id, true);
            if (a.endedAt != null) throw new Conflict("agreement " + id + " has ended", String.valueOf(id));
            Instant now = Instant.now();
            boolean approved = false;
            if (a.orgA.equals(caller.organisationId()) && a.approvedAAt == null) {
                a.approvedAAt = now;
                a.approvedABy = caller.actor();
                approved = true;
            } else if (a.orgB.equals(caller.organisationId()) && a.approvedBAt == null) {
                a.approvedBAt = now;
                a.approvedBBy = caller.actor();
                approved = true;
            }
            RemoteEntity remote = Remotes.ofParty(em, a.other(caller.organisationId()));
            if (approved && remote != null) Outbox.enqueue(em, remote, "agreement-approved", Map.of("ref", a.remoteRef));
            return a;
        });
        if (Remotes.isRemote(result.other(caller.organisationId()))) outbox.deliverSoon();
        audit.record(caller, "partners.agreement.approve", String.valueOf(id), result.status());
        return result;
    }

    /** Either side ends an agreement: from then on it gives nothing more; what was issued stays. */
    public AgreementEntity end(Caller caller, long id) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        AgreementEntity result = db.inTransaction(em -> {
            AgreementEntity a = visible(em, caller, id, true);
            if (a.endedAt == null) {
                a.endedAt = Instant.now();
                a.endedBy = caller.actor();
                RemoteEntity remote = Remotes.ofParty(em, a.other(caller.organisationId()));
                if (remote != null) Outbox.enqueue(em, remote, "agreement-ended", Map.of("ref", a.remoteRef));
            }
            return a;
        });
        if (Remotes.isRemote(result.other(caller.organisationId()))) outbox.deliverSoon();
        audit.record(caller, "partners.agreement.end", String.valueOf(id), null);
        return result;
    }

    public AgreementEntity get(Caller caller, long id) {
        return db.read(em -> visible(em, caller, id, false));
    }

    public List<AgreementEntity> list(String organisationId) {
        return db.read(em -> ofOrganisation(em, organisationId));
    }

    static List<AgreementEntity> ofOrganisation(EntityManager em, String organisationId) {
        return em.createQuery("select a from AgreementEntity a where a.orgA = :o or a.orgB = :o order by a.id",
            AgreementEntity.class).setParameter("o", organisationId).getResultList();
    }

    /** The agreement if the caller's organisation is a side of it; 404 otherwise, as if it did not exist. */
    static AgreementEntity visible(EntityManager em, Caller caller, long id, boolean lock) {
        AgreementEntity a = lock ? em.find(AgreementEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
            : em.find(AgreementEntity.class, id);
        if (a == null || !a.isSide(caller.organisationId())) throw new NotFound("no agreement " + id);
        return a;
    }

    /** The agreements in force today (UTC) between the two organisations, oldest first. */
    static List<AgreementEntity> activeBetween(EntityManager em, String one, String other, LocalDate day) {
        return ofOrganisation(em, one).stream().filter(a -> a.other(one).equals(other) && a.activeOn(day)).toList();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** An organisation's code; a remote partner's is the code we registered it under. */
    public String code(String organisationId) {
        if (Remotes.isRemote(organisationId)) {
            RemoteEntity r = db.read(em -> Remotes.ofParty(em, organisationId));
            return r == null ? organisationId : r.code;
        }
        return organisations.find(organisationId).map(Organisation::code).orElse(organisationId);
    }

    public String name(String organisationId) {
        if (Remotes.isRemote(organisationId)) {
            RemoteEntity r = db.read(em -> Remotes.ofParty(em, organisationId));
            return r == null ? organisationId : r.name;
        }
        return organisations.find(organisationId).map(Organisation::name).orElse(organisationId);
    }

    /** A partner named in a request: its organisation id and code, and the remote partner when it is one. */
    public record Party(String id, String code, RemoteEntity remote) {
    }

    /** The organisation of this server with this code, or else our organisation's remote partner with it. */
    public Party partner(String ours, String field, String code) {
        Optional<Organisation> local = organisations.list().stream().filter(o -> o.code().equals(code)).findFirst();
        if (local.isPresent()) return new Party(local.get().id(), code, null);
        RemoteEntity remote = db.read(em -> Remotes.ofCode(em, ours, code));
        if (remote == null) throw new Rejected(field, "no partner " + code);
        return new Party(Remotes.party(remote), code, remote);
    }

    /** The agreement with a remote partner that both servers name {@code ref}, or null. */
    static AgreementEntity byRemoteRef(EntityManager em, RemoteEntity remote, String ref) {
        String party = Remotes.party(remote);
        return em.createQuery("select a from AgreementEntity a where a.remoteRef = :r and (a.orgA = :p or a.orgB = :p)",
                AgreementEntity.class).setParameter("r", ref).setParameter("p", party).getResultList().stream()
            .findFirst().orElse(null);
    }

    /**
     * The organisation id of the partner with this code, if the caller's organisation has (or had) an agreement with
     * it; any other code is 404, so that nobody learns which organisations exist.
     */
    public String partnerOf(Caller caller, String field, String code) {
        new Validation().require(field, code).code(field, code).throwIfInvalid();
        return list(caller.organisationId()).stream().map(a -> a.other(caller.organisationId()))
            .filter(o -> code(o).equals(code)).findFirst()
            .orElseThrow(() -> new NotFound("no partner " + code));
    }
}

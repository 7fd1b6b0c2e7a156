package org.bashgah.partners.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.LedgerService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a remote partner's signed messages do here (docs/partners.md, "Remote partners"). The remote stands in our
 * tables as the party {@code remote:<id>}; every message is handled idempotently (a message delivered twice, its
 * first answer lost, changes nothing the second time):
 * <ul>
 * <li>{@code agreement-proposed}: the same agreement, named by its {@code ref}, proposed by the remote;</li>
 * <li>{@code agreement-approved}, {@code agreement-ended}: the remote side approved or ended it;</li>
 * <li>{@code consent}: a member of theirs consented to be recognised here (the SHA-256 of the phone only);</li>
 * <li>{@code credit-issue}: a purchase there earned our consenting member partner credit of theirs;</li>
 * <li>{@code settlement-line}: credit of ours was spent there: we owe them.</li>
 * </ul>
 */
@Component(service = RemoteInbox.class)
public class RemoteInbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnersDatabase db;
    private final LedgerService ledger;
    private final AgreementPresence presence;

    @Activate
    public RemoteInbox(@Reference PartnersDatabase db, @Reference LedgerService ledger,
                       @Reference AgreementPresence presence) {
        this.presence = presence;
        this.db = db;
        this.ledger = ledger;
    }

    /** The fields of an {@code agreement-proposed} message for an agreement we propose. */
    static Map<String, Object> proposal(AgreementEntity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", a.remoteRef);
        m.put("name", a.name);
        m.put("validFrom", a.validFrom.toString());
        m.put("validTo", a.validTo == null ? null : a.validTo.toString());
        m.put("proposer", terms(a.terms(a.orgA)));
        m.put("partner", terms(a.terms(a.orgB)));
        m.put("salt", a.salt);
        return m;
    }

    private static Map<String, Object> terms(AgreementEntity.Terms t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditPercent", t.creditPercent().toPlainString());
        m.put("discountPercent", t.discountPercent().toPlainString());
        m.put("discountProductGroup", t.discountProductGroup());
        m.put("maxCreditPerPurchase", t.maxCreditPerPurchase());
        m.put("monthlyCreditCap", t.monthlyCreditCap());
        return m;
    }

    /** Acts on a message the remote signed; a message that cannot be acted on is a {@link Rejected} (422). */
    public void handle(RemoteEntity remote, String kind, String body) {
        JsonNode m;
        try {
            m = JSON.readTree(body);
        } catch (IOException e) {
            throw new Rejected("body", "the message is not JSON");
        }
        switch (kind) {
            case "ping" -> { }
            case "agreement-proposed" -> proposed(remote, m);
            case "agreement-approved", "agreement-ended" -> approvedOrEnded(remote, m, kind.endsWith("ended"));
            case "consent" -> consent(remote, m);
            case "credit-issue" -> creditIssue(remote, m);
            case "settlement-line" -> settlementLine(remote, m);
            default -> throw new Rejected("type", "unknown message type " + kind);
        }
    }

    private void proposed(RemoteEntity remote, JsonNode m) {
        String ref = text(m, "ref", 40);
        db.inTransaction(em -> {
            if (Agreements.byRemoteRef(em, remote, ref) != null) return null;
            AgreementEntity a = new AgreementEntity();
            a.remoteRef = ref;
            a.name = text(m, "name", 200);
            a.orgA = Remotes.party(remote);
            a.orgB = remote.organisationId;
            a.validFrom = day(m, "validFrom");
            a.validTo = m.path("validTo").isTextual() ? day(m, "validTo") : null;
            JsonNode proposer = m.path("proposer");
            JsonNode partner = m.path("partner");
            a.creditPercentA = percent(proposer, "creditPercent");
            a.discountPercentA = percent(proposer, "discountPercent");
            a.discountGroupA = proposer.path("discountProductGroup").isTextual()
                ? proposer.path("discountProductGroup").asText() : null;
            a.maxPerPurchaseA = proposer.path("maxCreditPerPurchase").asLong();
            a.monthlyCapA = proposer.path("monthlyCreditCap").asLong();
            a.creditPercentB = percent(partner, "creditPercent");
            a.discountPercentB = percent(partner, "discountPercent");
            a.discountGroupB = partner.path("discountProductGroup").isTextual()
                ? partner.path("discountProductGroup").asText() : null;
            a.maxPerPurchaseB = partner.path("maxCreditPerPurchase").asLong();
            a.monthlyCapB = partner.path("monthlyCreditCap").asLong();
            a.salt = text(m, "salt", 64);
            a.proposedAt = Instant.now();
            a.proposedBy = "partners:" + remote.code;
            em.persist(a);
            return a;
        });
        presence.changed(remote.organisationId);
    }

    private void approvedOrEnded(RemoteEntity remote, JsonNode m, boolean ended) {
        String ref = text(m, "ref", 40);
        db.inTransaction(em -> {
            AgreementEntity a = agreement(em, remote, ref, true);
            String party = Remotes.party(remote);
            String by = "partners:" + remote.code;
            if (ended) {
                if (a.endedAt == null) {
                    a.endedAt = Instant.now();
                    a.endedBy = by;
                }
            } else if (a.orgA.equals(party) && a.approvedAAt == null) {
                a.approvedAAt = Instant.now();
                a.approvedABy = by;
            } else if (a.orgB.equals(party) && a.approvedBAt == null) {
                a.approvedBAt = Instant.now();
                a.approvedBBy = by;
            }
            return a;
        });
    }

    private void consent(RemoteEntity remote, JsonNode m) {
        String ref = text(m, "ref", 40);
        String phoneHash = hash(m, "phoneHash");
        db.inTransaction(em -> {
            AgreementEntity a = agreement(em, remote, ref, false);
            String party = Remotes.party(remote);
            if (CrossCredit.consentByHash(em, a.id, party, phoneHash).isPresent()) return null;
            ConsentEntity c = new ConsentEntity();
            c.agreementId = a.id;
            c.organisationId = party;
            // their member id stays theirs: the hash stands for the person here
            c.memberId = "h-" + phoneHash.substring(0, 38);
            c.phoneHash = phoneHash;
            c.note = "consent given at " + remote.name;
            c.givenAt = Instant.now();
            c.givenBy = "partners:" + remote.code;
            em.persist(c);
            return c;
        });
    }

    private void creditIssue(RemoteEntity remote, JsonNode m) {
        String ref = text(m, "ref", 40);
        String issueRef = "remote:" + text(m, "issue", 30);
        String phoneHash = hash(m, "phoneHash");
        long amount = m.path("amount").asLong();
        if (amount <= 0) throw new Rejected("amount", "must be positive");
        IssueEntity issue = db.inTransaction(em -> {
            AgreementEntity a = agreement(em, remote, ref, false);
            ConsentEntity holder = CrossCredit.consentByHash(em, a.id, remote.organisationId, phoneHash)
                .orElseThrow(() -> new Rejected("phoneHash", "no member of ours consented under agreement " + ref));
            List<IssueEntity> seen = em.createQuery("select i from IssueEntity i where i.agreementId = :a"
                    + " and i.purchaseId = :p", IssueEntity.class).setParameter("a", a.id).setParameter("p", issueRef)
                .getResultList();
            if (!seen.isEmpty()) return seen.get(0);
            IssueEntity i = new IssueEntity();
            i.agreementId = a.id;
            i.purchaseId = issueRef;
            i.issuerOrg = Remotes.party(remote);
            i.holderOrg = remote.organisationId;
            i.holderMember = holder.memberId;
            i.amount = amount;
            i.monthOf = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
            i.issuedAt = Instant.now();
            i.posted = 0;
            em.persist(i);
            return i;
        });
        // the same key as a local issue's: a second delivery (or the start-up pass over unposted issues) posts nothing
        ledger.post(issue.holderOrg, issue.holderMember, "partners.earn:" + issue.agreementId + ":" + issue.purchaseId,
            List.of(new LedgerService.Posting(Account.partnerCredit(remote.code), issue.amount, EntryKind.EARN,
                "partners:agreement:" + issue.agreementId, "Partner credit from " + remote.name, null)),
            "partners:" + remote.code);
        db.inTransaction(em -> {
            em.find(IssueEntity.class, issue.id).posted = 1;
            return null;
        });
    }

    private void settlementLine(RemoteEntity remote, JsonNode m) {
        String ref = text(m, "ref", 40);
        String lineRef = text(m, "line", 30);
        long amount = m.path("amount").asLong();
        if (amount <= 0) throw new Rejected("amount", "must be positive");
        String memberRef = text(m, "memberRef", 32);
        String purchaseRef = m.path("purchaseRef").isTextual() ? text(m, "purchaseRef", 100) : null;
        Instant at;
        try {
            at = Instant.parse(text(m, "at", 40));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Rejected("at", "must be an instant such as 2026-12-02T10:15:30Z");
        }
        db.inTransaction(em -> {
            AgreementEntity a = agreement(em, remote, ref, false);
            String party = Remotes.party(remote);
            String key = "remote-line:" + lineRef;
            boolean seen = !em.createQuery("select r.id from RedemptionEntity r where r.organisationId = :o"
                + " and r.idempotencyKey = :k").setParameter("o", party).setParameter("k", key).getResultList().isEmpty();
            if (seen) return null;
            // the spending happened there: recorded as their redemption of our credit, with its line
            RedemptionEntity x = new RedemptionEntity();
            x.organisationId = party;
            x.idempotencyKey = key;
            x.fingerprint = Hashes.sha256Hex(ref + "|" + lineRef + "|" + amount);
            x.agreementId = a.id;
            x.issuerOrg = remote.organisationId;
            x.memberId = memberRef;
            x.branch = "remote";
            x.amount = amount;
            x.purchaseRef = purchaseRef;
            x.createdAt = Instant.now();
            x.actor = "partners:" + remote.code;
            em.persist(x);
            em.flush(); // the redemption's id, for the line
            SettlementLineEntity l = new SettlementLineEntity();
            l.redemptionId = x.id;
            l.agreementId = a.id;
            l.debtorOrg = remote.organisationId;
            l.creditorOrg = party;
            l.amount = amount;
            l.memberRef = memberRef;
            l.purchaseRef = purchaseRef;
            l.note = "partner credit spent at " + remote.name;
            l.at = at;
            em.persist(l);
            return l;
        });
    }

    private static AgreementEntity agreement(EntityManager em, RemoteEntity remote, String ref, boolean lock) {
        AgreementEntity a = Agreements.byRemoteRef(em, remote, ref);
        if (a == null) throw new Rejected("ref", "no agreement " + ref + " with " + remote.code);
        return lock ? em.find(AgreementEntity.class, a.id, javax.persistence.LockModeType.PESSIMISTIC_WRITE) : a;
    }

    private static String text(JsonNode m, String field, int maxLength) {
        JsonNode v = m.path(field);
        if (!v.isTextual() || v.asText().isBlank()) throw new Rejected(field, "is required");
        if (v.asText().length() > maxLength) throw new Rejected(field, "is longer than " + maxLength);
        return v.asText();
    }

    private static String hash(JsonNode m, String field) {
        String h = text(m, field, 64);
        if (!h.matches("[0-9a-f]{64}")) throw new Rejected(field, "must be a hex SHA-256");
        return h;
    }

    private static LocalDate day(JsonNode m, String field) {
        try {
            return LocalDate.parse(text(m, field, 10));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Rejected(field, "must be a day such as 2026-12-01");
        }
    }

    private static BigDecimal percent(JsonNode terms, String field) {
        try {
            BigDecimal p = new BigDecimal(terms.path(field).asText("0"));
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) throw new Rejected(field, "must be 0 to 100");
            return p;
        } catch (NumberFormatException e) {
            throw new Rejected(field, "must be a number");
        }
    }
}

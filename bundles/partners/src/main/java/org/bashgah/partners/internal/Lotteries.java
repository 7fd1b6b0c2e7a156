package org.bashgah.partners.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Joint lotteries: an organisation and partners it has agreements in force with. Every purchase at any of them
 * made within the lottery's window earns {@code amount / amountPerTicket} tickets (rounded down). The seed is drawn
 * at creation and only its SHA-256 is shown until the draw; after it, the seed and the ticket list (pseudonymous
 * references in entry order) are published, so anyone can repeat {@link Draw#winners}. Each participant sees its
 * own winners' member ids; the others' only as references. A refund before the draw takes back the tickets the
 * refunded share earned ({@link #refund}).
 */
@Component(service = Lotteries.class)
public class Lotteries {
    /**
     * How long a node keeps the lotteries not yet drawn, which every purchase event looks at: a lottery created on
     * another node reaches this one's purchases within these seconds (this node's own at once).
     */
    static final int UNDRAWN_SECONDS = 10;

    private final PartnersDatabase db;
    private final Agreements agreements;
    private final AuditTrail audit;
    private final Cache<Boolean, List<Undrawn>> undrawn = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(UNDRAWN_SECONDS)).maximumSize(1).build();

    /** What a purchase needs of a lottery to know whether it earns tickets there. */
    private record Undrawn(long id, List<String> participants, Instant startsAt, Instant endsAt, long amountPerTicket) {
        boolean takes(CrossCredit.Purchase p) {
            return participants.contains(p.organisationId()) && !startsAt.isAfter(p.at()) && endsAt.isAfter(p.at());
        }
    }

    @Activate
    public Lotteries(@Reference PartnersDatabase db, @Reference Agreements agreements, @Reference AuditTrail audit) {
        this.db = db;
        this.agreements = agreements;
        this.audit = audit;
    }

    public record LotteryRequest(String name, List<String> partners, Instant startsAt, Instant endsAt,
                                 Long amountPerTicket, Integer winners) {
    }

    public record Winner(int place, String organisation, String memberRef, String member) {
    }

    public record Lottery(long id, String name, String organiser, List<String> participants, Instant startsAt,
                          Instant endsAt, long amountPerTicket, int winners, String status, String commitment,
                          String seed, Map<String, Long> tickets, List<Winner> drawn, Instant drawnAt) {
    }

    public record Ticket(String memberRef, String organisation, long tickets) {
    }

    public Lottery create(Caller caller, LotteryRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        Validation v = new Validation().require("name", r.name()).name("name", r.name(), 200)
            .require("partners", r.partners())
            .require("startsAt", r.startsAt()).require("endsAt", r.endsAt())
            .check(r.startsAt() == null || r.endsAt() == null || r.endsAt().isAfter(r.startsAt()), "endsAt",
                "must be after startsAt")
            .require("amountPerTicket", r.amountPerTicket()).positive("amountPerTicket", r.amountPerTicket())
            .require("winners", r.winners())
            .check(r.winners() == null || (r.winners() >= 1 && r.winners() <= 1000), "winners", "must be from 1 to 1000");
        if (r.partners() != null) {
            v.check(!r.partners().isEmpty() && r.partners().size() <= 20, "partners", "must name 1 to 20 partners");
            for (int i = 0; i < r.partners().size(); i++) v.require("partners[" + i + "]", r.partners().get(i))
                .code("partners[" + i + "]", r.partners().get(i));
        }
        v.throwIfInvalid();
        Set<String> participants = new LinkedHashSet<>();
        participants.add(caller.organisationId());
        LotteryEntity saved = db.inTransaction(em -> {
            for (String code : r.partners()) {
                var party = agreements.partner(caller.organisationId(), "partners", code);
                if (party.remote() != null) {
                    throw new Rejected("partners", code + " is on another server: joint lotteries are among partners of"
                        + " this server");
                }
                String org = party.id();
                if (Agreements.activeBetween(em, caller.organisationId(), org, Agreements.today()).isEmpty()) {
                    throw new Rejected("partners", "no agreement in force with " + code);
                }
                participants.add(org);
            }
            LotteryEntity l = new LotteryEntity();
            l.organisationId = caller.organisationId();
            l.name = r.name().strip();
            l.participants = String.join(",", participants);
            l.startsAt = r.startsAt();
            l.endsAt = r.endsAt();
            l.amountPerTicket = r.amountPerTicket();
            l.winners = r.winners();
            l.seed = Hashes.randomHex(32);
            l.commitment = HexFormat.of().formatHex(Hashes.sha256(HexFormat.of().parseHex(l.seed)));
            l.salt = Hashes.randomHex(16);
            l.createdAt = Instant.now();
            l.createdBy = caller.actor();
            em.persist(l);
            return l;
        });
        undrawn.invalidateAll();
        audit.record(caller, "partners.lottery.create", String.valueOf(saved.id), saved.commitment);
        return get(caller, saved.id);
    }

    /** Tickets for a purchase, in every open lottery its organisation takes part in; once per purchase. */
    public void enter(CrossCredit.Purchase p) {
        // an undrawn lottery may have ended: a till's offline purchase made within its window still counts
        List<Undrawn> open = undrawn.get(true, any -> db.read(em -> em.createQuery(
                "select l from LotteryEntity l where l.drawnAt is null", LotteryEntity.class).getResultList())
            .stream().map(l -> new Undrawn(l.id, l.participantList(), l.startsAt, l.endsAt, l.amountPerTicket))
            .toList());
        for (Undrawn lottery : open) {
            if (!lottery.takes(p)) continue;
            long tickets = p.amount() / lottery.amountPerTicket();
            if (tickets <= 0) continue;
            db.inTransaction(em -> {
                // shared with the draw: no entry slips in after the winners are chosen
                LotteryEntity l = em.find(LotteryEntity.class, lottery.id(), LockModeType.PESSIMISTIC_WRITE);
                // drawn since this node looked
                if (l == null || l.drawnAt != null) return null;
                boolean seen = !em.createQuery("select e.id from LotteryEntryEntity e where e.lotteryId = :l"
                        + " and e.purchaseId = :p").setParameter("l", l.id).setParameter("p", p.purchaseId())
                    .getResultList().isEmpty();
                if (seen) return null;
                LotteryEntryEntity e = new LotteryEntryEntity();
                e.lotteryId = l.id;
                e.organisationId = p.organisationId();
                e.memberId = p.memberId();
                e.memberRef = Hashes.memberRef(l.salt, p.organisationId(), p.memberId());
                e.purchaseId = p.purchaseId();
                e.tickets = tickets;
                e.enteredAt = Instant.now();
                em.persist(e);
                return e;
            });
        }
    }

    /**
     * A refund before the draw takes back the tickets the refunded share paid for: the entry keeps what is
     * {@code floor((amount - total refunded) / amountPerTicket)}. After the draw nothing changes (the winners stand).
     * A redelivered or late refund event takes nothing twice: the entry only ever loses more tickets.
     */
    public void refund(CrossCredit.Refund r) {
        if (r.purchaseAmount() <= 0 || r.totalRefunded() <= 0) return;
        long kept = r.purchaseAmount() - Math.min(r.totalRefunded(), r.purchaseAmount());
        List<Long> entries = db.read(em -> em.createQuery("select e.id from LotteryEntryEntity e where"
            + " e.organisationId = :o and e.purchaseId = :p", Long.class).setParameter("o", r.organisationId())
            .setParameter("p", r.purchaseId()).getResultList());
        for (long entryId : entries) {
            db.inTransaction(em -> {
                LotteryEntryEntity e = em.find(LotteryEntryEntity.class, entryId);
                // the draw's lock: a refund either lands before the winners are chosen or not at all
                LotteryEntity l = em.find(LotteryEntity.class, e.lotteryId, LockModeType.PESSIMISTIC_WRITE);
                if (l.drawnAt != null) return null;
                em.refresh(e);
                e.refunded = Math.max(e.refunded, e.tickets - Math.min(e.tickets, kept / l.amountPerTicket));
                return e;
            });
        }
    }

    /** The organiser draws, once the window is over; drawing again answers 409. */
    public Lottery draw(Caller caller, long id) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        db.inTransaction(em -> {
            LotteryEntity l = em.find(LotteryEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (l == null || !l.participantList().contains(caller.organisationId())) throw new NotFound("no lottery " + id);
            if (!l.organisationId.equals(caller.organisationId())) {
                throw new org.bashgah.core.api.BashgahException.Forbidden("only the organiser draws the lottery");
            }
            if (l.drawnAt != null) throw new Conflict("lottery " + id + " was drawn at " + l.drawnAt, null);
            if (Instant.now().isBefore(l.endsAt)) throw new Rejected("endsAt", "the lottery runs until " + l.endsAt);
            List<LotteryEntryEntity> entries = entries(em, id);
            List<String> refs = Draw.winners(l.seed, entries.stream().map(e -> new Draw.Entry(e.memberRef, e.inDraw()))
                .toList(), l.winners);
            for (int place = 0; place < refs.size(); place++) {
                String ref = refs.get(place);
                LotteryEntryEntity e = entries.stream().filter(x -> x.memberRef.equals(ref)).findFirst().orElseThrow();
                LotteryWinnerEntity w = new LotteryWinnerEntity();
                w.lotteryId = id;
                w.place = place + 1;
                w.organisationId = e.organisationId;
                w.memberId = e.memberId;
                w.memberRef = ref;
                em.persist(w);
            }
            l.drawnAt = Instant.now();
            l.drawnBy = caller.actor();
            return l;
        });
        undrawn.invalidateAll();
        audit.record(caller, "partners.lottery.draw", String.valueOf(id), null);
        return get(caller, id);
    }

    /** The entries with tickets in the draw, in entry order (refunds may have taken all of one's). */
    private static List<LotteryEntryEntity> entries(EntityManager em, long id) {
        return em.createQuery("select e from LotteryEntryEntity e where e.lotteryId = :l and e.tickets > e.refunded"
            + " order by e.id", LotteryEntryEntity.class).setParameter("l", id).getResultList();
    }

    public List<Lottery> list(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        List<Long> ids = db.read(em -> em.createQuery("select l from LotteryEntity l order by l.id", LotteryEntity.class)
            .getResultList().stream().filter(l -> l.participantList().contains(caller.organisationId()))
            .map(l -> l.id).toList());
        return ids.stream().map(id -> get(caller, id)).toList();
    }

    public Lottery get(Caller caller, long id) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return db.read(em -> {
            LotteryEntity l = visible(em, caller, id);
            Map<String, Long> tickets = new LinkedHashMap<>();
            for (String org : l.participantList()) tickets.put(agreements.code(org), 0L);
            for (LotteryEntryEntity e : entries(em, id)) tickets.merge(agreements.code(e.organisationId), e.inDraw(), Long::sum);
            List<Winner> winners = em.createQuery("select w from LotteryWinnerEntity w where w.lotteryId = :l"
                    + " order by w.place", LotteryWinnerEntity.class).setParameter("l", id).getResultList().stream()
                .map(w -> new Winner(w.place, agreements.code(w.organisationId), w.memberRef,
                    w.organisationId.equals(caller.organisationId()) ? w.memberId : null)).toList();
            boolean drawn = l.drawnAt != null;
            return new Lottery(l.id, l.name, agreements.code(l.organisationId),
                l.participantList().stream().map(agreements::code).toList(), l.startsAt, l.endsAt, l.amountPerTicket,
                l.winners, drawn ? "DRAWN" : Instant.now().isBefore(l.endsAt) ? "OPEN" : "CLOSED", l.commitment,
                drawn ? l.seed : null, tickets, winners, l.drawnAt);
        });
    }

    /** The ticket list in entry order, published once drawn (before, it would let a side count the others' buyers). */
    public List<Ticket> tickets(Caller caller, long id) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return db.read(em -> {
            LotteryEntity l = visible(em, caller, id);
            if (l.drawnAt == null) throw new Rejected("id", "the ticket list is published with the draw");
            List<Ticket> list = new ArrayList<>();
            for (LotteryEntryEntity e : entries(em, id)) {
                list.add(new Ticket(e.memberRef, agreements.code(e.organisationId), e.inDraw()));
            }
            return list;
        });
    }

    private static LotteryEntity visible(EntityManager em, Caller caller, long id) {
        LotteryEntity l = em.find(LotteryEntity.class, id);
        if (l == null || !l.participantList().contains(caller.organisationId())) throw new NotFound("no lottery " + id);
        return l;
    }

}

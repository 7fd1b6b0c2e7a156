package org.bashgah.core.internal.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bashgah.core.api.Balances;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.LedgerEntry;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.idempotency.Idempotency;
import org.bashgah.core.internal.member.MemberEntity;
import org.bashgah.core.internal.member.Members;
import org.bashgah.core.internal.rest.JsonProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link LedgerService} for capabilities: idempotent postings outside a purchase. */
@Component(service = LedgerService.class)
public class LedgerPostings implements LedgerService {
    private static final String OPERATION = "ledger";
    private final Database db;

    @Activate
    public LedgerPostings(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<LedgerEntry> post(String organisationId, String memberId, String idempotencyKey,
                                  List<Posting> postings, String actor) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) throw new Rejected("idempotencyKey", "is required");
        if (postings == null || postings.isEmpty()) throw new Rejected("postings", "are required");
        String fingerprint = Idempotency.fingerprint(List.of(memberId, postings.toString()));
        return db.inTransaction(em -> {
            MemberEntity member = Members.find(em, organisationId, memberId);
            if (member == null) throw new NotFound("no member " + memberId);
            Members.lock(em, organisationId, memberId);
            var replay = Idempotency.find(em, organisationId, idempotencyKey, OPERATION, fingerprint);
            if (replay.isPresent()) return entriesOf(replay.get().response());
            List<LedgerEntry> written = new ArrayList<>();
            for (Posting p : postings) {
                if (p.amount() == 0 || p.account() == null || p.kind() == null) {
                    throw new Rejected("postings", "every posting needs an account, a kind and a non-zero amount");
                }
                written.add(Ledger.write(em, new Ledger.Line(organisationId, memberId, p.account(), p.amount(), p.kind(),
                    null, p.source(), p.note(), p.expiresAt(), actor), "amount").toApi());
            }
            Idempotency.remember(em, organisationId, idempotencyKey, OPERATION, fingerprint, memberId, written);
            return written;
        });
    }

    private static List<LedgerEntry> entriesOf(JsonNode response) {
        return JsonProvider.mapper().convertValue(response,
            JsonProvider.mapper().getTypeFactory().constructCollectionType(List.class, LedgerEntry.class));
    }

    @Override
    public List<ExpiringLot> expiring(String organisationId, String memberId) {
        return db.read(em -> {
            if (Members.find(em, organisationId, memberId) == null) throw new NotFound("no member " + memberId);
            return Ledger.expiringLots(em, memberId).stream()
                .map(l -> new ExpiringLot(l.entryId, l.account, l.remaining, l.expiresAt)).toList();
        });
    }

    /** Expires member by member, each in its own transaction under the member's lock. */
    @Override
    public ExpiryRun expire(String organisationId, Instant asOf, String actor) {
        List<String> memberIds = db.read(em -> em.createQuery("select distinct l.memberId from LotEntity l,"
                + " MemberEntity m where l.memberId = m.id and m.organisationId = :o and l.remaining > 0"
                + " and l.expiresAt <= :asOf", String.class)
            .setParameter("o", organisationId).setParameter("asOf", asOf).getResultList());
        int lots = 0;
        long amount = 0;
        for (String memberId : memberIds) {
            long[] done = db.inTransaction(em -> {
                Members.lock(em, organisationId, memberId);
                long[] sum = new long[2];
                for (LotEntity lot : em.createQuery("select l from LotEntity l where l.memberId = :m"
                        + " and l.remaining > 0 and l.expiresAt <= :asOf order by l.expiresAt, l.entryId", LotEntity.class)
                    .setParameter("m", memberId).setParameter("asOf", asOf).getResultList()) {
                    sum[0]++;
                    sum[1] += lot.remaining;
                    Ledger.expireLot(em, organisationId, lot, actor);
                }
                return sum;
            });
            lots += (int) done[0];
            amount += done[1];
        }
        return new ExpiryRun(lots, amount);
    }

    @Override
    public Balances balances(String organisationId, String memberId) {
        return db.read(em -> {
            MemberEntity m = Members.find(em, organisationId, memberId);
            if (m == null) throw new NotFound("no member " + memberId);
            return Ledger.balances(em, m.id, m.tier, null);
        });
    }

    @Override
    public long balance(String organisationId, String memberId, org.bashgah.core.api.Account account) {
        return db.read(em -> {
            MemberEntity m = Members.find(em, organisationId, memberId);
            if (m == null) throw new NotFound("no member " + memberId);
            return Ledger.balance(em, m.id, account);
        });
    }

    @Override
    public List<LedgerEntry> entries(String organisationId, String memberId, long beforeId, int limit) {
        return db.read(em -> {
            if (Members.find(em, organisationId, memberId) == null) throw new NotFound("no member " + memberId);
            return Ledger.entries(em, memberId, beforeId, limit, null);
        });
    }
}

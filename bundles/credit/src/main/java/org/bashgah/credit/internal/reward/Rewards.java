package org.bashgah.credit.internal.reward;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Branch;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.LedgerEntry;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.LedgerService.Posting;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.credit.internal.CreditDatabase;
import org.bashgah.credit.internal.policy.Policies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The rewards catalogue, claims of its rewards for points, and the conversion of points to shared credit.
 *
 * <p>A claim writes in two places that no one transaction spans: credit's tables (stock, the claim) and
 * core's ledger (the points). It is therefore a saga of three steps, each safe to repeat:
 * <ol>
 *   <li><b>reserve</b>, in one credit transaction: lock the reward's row, check it is active, claimable at
 *       the branch and in stock, take one from its stock and insert the claim as {@code PENDING} under the
 *       client's idempotency key (unique per organisation). The row lock makes racing claims for the last
 *       item queue, so exactly {@code stock} of them succeed and stock never goes below zero.</li>
 *   <li><b>post</b> the points through {@link LedgerService#post} under the key {@code reward-claim:<key>}:
 *       idempotent, so a second post of the same claim writes nothing.</li>
 *   <li><b>settle</b>: mark the claim {@code DONE}; or, when the ledger refused the points, {@code REJECTED}
 *       with the stock given back.</li>
 * </ol>
 * A retry of a key answers from the claim: {@code DONE} replays it, {@code REJECTED} repeats the 422, and
 * {@code PENDING} (the first call died between the steps) resumes at step 2. Settling moves a claim only
 * out of {@code PENDING}, under the claim's row lock, so two calls of one key settle it once; should one
 * call's points get through after another call rejected the claim, it gives them back with a
 * {@code REVERSAL} entry, so the key keeps one answer. A claim whose member is already seen short of
 * points is refused before step 1 and writes nothing.
 *
 * <p>A conversion is a single ledger posting (points out, shared credit in) and needs no saga.
 */
@Component(service = Rewards.class)
public class Rewards {
    static final String CLAIM_KEY = "reward-claim:";
    static final String CLAIM_UNDO_KEY = "reward-claim-undo:";
    static final String CONVERSION_KEY = "points-conversion:";
    static final String CONVERSION_SOURCE = "points-conversion";

    private final CreditDatabase db;
    private final LedgerService ledger;
    private final MemberService members;
    private final BranchService branches;
    private final Policies policies;
    private final AuditTrail audit;

    @Activate
    public Rewards(@Reference CreditDatabase db, @Reference LedgerService ledger, @Reference MemberService members,
                   @Reference BranchService branches, @Reference Policies policies, @Reference AuditTrail audit) {
        this.db = db;
        this.ledger = ledger;
        this.members = members;
        this.branches = branches;
        this.policies = policies;
        this.audit = audit;
    }

    /** A reward as the API shows it; {@code stock} null is unlimited, {@code branches} empty is every branch. */
    public record Reward(long id, String name, long pointsCost, Long stock, List<String> branches, boolean active,
                         Instant changedAt, String changedBy) {
    }

    /** The body of PATCH: fields left out stay; {@code unlimitedStock: true} removes the stock limit. */
    public record Change(String name, Long pointsCost, Long stock, Boolean unlimitedStock, List<String> branches,
                         Boolean active) {
    }

    /** A claim as the API shows it. */
    public record Claim(long id, long reward, String member, long points, String branch, Instant at, String status) {
    }

    /** Points converted to shared credit, and the two ledger entries that did it. */
    public record Conversion(String member, long points, long credit, long pointValue, String branch, Instant at,
                             List<LedgerEntry> entries) {
    }

    /** An answer, and whether this call wrote it (201) or found it written by an earlier call of its key (200). */
    public record Outcome<T>(T body, boolean created) {
    }

    // ---- the catalogue

    public List<Reward> list(String organisationId) {
        return db.read(em -> em.createQuery("select r from RewardEntity r where r.organisationId = :o order by r.id",
            RewardEntity.class).setParameter("o", organisationId).getResultStream().map(RewardEntity::toApi).toList());
    }

    public Reward get(String organisationId, long id) {
        return db.read(em -> find(em, organisationId, id, LockModeType.NONE).toApi());
    }

    public Reward create(Caller caller, String name, long pointsCost, Long stock, List<String> branchCodes,
                         boolean active) {
        List<String> codes = existingBranches(caller.organisationId(), branchCodes);
        Reward created = db.inTransaction(em -> {
            RewardEntity r = new RewardEntity();
            r.organisationId = caller.organisationId();
            r.name = name.strip();
            r.pointsCost = pointsCost;
            r.stock = stock;
            r.branches.addAll(codes);
            r.active = active;
            stamp(r, caller);
            em.persist(r);
            em.flush();
            return r.toApi();
        });
        audit.record(caller, "credit.reward.create", String.valueOf(created.id()), describe(created));
        return created;
    }

    public Reward change(Caller caller, long id, Change change) {
        List<String> codes = change.branches() == null ? null : existingBranches(caller.organisationId(), change.branches());
        Reward changed = db.inTransaction(em -> {
            // the row lock keeps a stock set here from interleaving with a claim's reservation
            RewardEntity r = find(em, caller.organisationId(), id, LockModeType.PESSIMISTIC_WRITE);
            if (change.name() != null) r.name = change.name().strip();
            if (change.pointsCost() != null) r.pointsCost = change.pointsCost();
            if (Boolean.TRUE.equals(change.unlimitedStock())) r.stock = null;
            else if (change.stock() != null) r.stock = change.stock();
            if (codes != null) {
                r.branches.clear();
                r.branches.addAll(codes);
            }
            if (change.active() != null) r.active = change.active();
            stamp(r, caller);
            return r.toApi();
        });
        audit.record(caller, "credit.reward.update", String.valueOf(id), describe(changed));
        return changed;
    }

    /** A reward's claims, newest first, with ids below {@code beforeId} (0: the newest); only those at {@code branch} unless null. */
    public List<Claim> claims(String organisationId, long rewardId, String branch, long beforeId, int limit) {
        return db.read(em -> {
            find(em, organisationId, rewardId, LockModeType.NONE);
            var query = em.createQuery("select c from ClaimEntity c where c.rewardId = :r"
                    + (branch != null ? " and c.branch = :b" : "") + (beforeId > 0 ? " and c.id < :before" : "")
                    + " order by c.id desc", ClaimEntity.class)
                .setParameter("r", rewardId).setMaxResults(limit);
            if (branch != null) query.setParameter("b", branch);
            if (beforeId > 0) query.setParameter("before", beforeId);
            return query.getResultStream().map(ClaimEntity::toApi).toList();
        });
    }

    // ---- claims

    /** Claims one of the reward for the member at the branch; see the class comment for the steps. */
    public Outcome<Claim> claim(Caller caller, long rewardId, String memberRef, String branch, String key) {
        String org = caller.organisationId();
        String memberId = member(org, memberRef);
        ClaimEntity claim = db.read(em -> claimOfKey(em, org, key));
        boolean reserved = false;
        if (claim == null) {
            requireActiveBranch(org, branch);
            Reward reward = get(org, rewardId);
            RewardRules.requireClaimable(reward.name(), reward.active(), reward.stock(), reward.branches(), branch);
            RewardRules.requirePoints(ledger.balances(org, memberId).points(), reward.pointsCost());
            ClaimEntity[] found = new ClaimEntity[1];
            claim = db.inTransaction(em -> {
                // a call of the same key may have reserved since the read above
                found[0] = claimOfKey(em, org, key);
                return found[0] != null ? found[0] : reserve(em, caller, rewardId, memberId, branch, key);
            });
            reserved = found[0] == null;
        }
        if (!reserved && (claim.rewardId != rewardId || !claim.memberId.equals(memberId) || !claim.branch.equals(branch))) {
            throw new Conflict("idempotency key " + key + " was already used for a different claim",
                String.valueOf(claim.id));
        }
        switch (claim.status) {
            case ClaimEntity.DONE:
                return new Outcome<>(claim.toApi(), false);
            case ClaimEntity.REJECTED:
                throw new Rejected("member", claim.reason);
            default:
                return takePoints(caller, claim);
        }
    }

    /** Step 1: the caller holds the reward's row lock from here to commit. */
    private ClaimEntity reserve(EntityManager em, Caller caller, long rewardId, String memberId, String branch,
                                String key) {
        RewardEntity reward = find(em, caller.organisationId(), rewardId, LockModeType.PESSIMISTIC_WRITE);
        RewardRules.requireClaimable(reward.name, reward.active, reward.stock, reward.branches, branch);
        if (reward.stock != null) reward.stock -= 1;
        ClaimEntity claim = new ClaimEntity();
        claim.organisationId = caller.organisationId();
        claim.idempotencyKey = key;
        claim.rewardId = rewardId;
        claim.rewardName = reward.name;
        claim.memberId = memberId;
        claim.branch = branch;
        claim.points = reward.pointsCost;
        claim.status = ClaimEntity.PENDING;
        claim.claimedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        claim.claimedBy = caller.actor();
        em.persist(claim);
        // a second insert of the key fails here; the transaction then runs again and finds this claim
        em.flush();
        return claim;
    }

    /** Steps 2 and 3. */
    private Outcome<Claim> takePoints(Caller caller, ClaimEntity claim) {
        String org = caller.organisationId();
        try {
            ledger.post(org, claim.memberId, CLAIM_KEY + claim.idempotencyKey, List.of(new Posting(Account.points(),
                -claim.points, EntryKind.REDEEM, "reward:" + claim.rewardId, claim.rewardName, null)), caller.actor());
        } catch (Rejected refused) {
            String reason = "not enough points: the reward costs " + claim.points;
            ClaimEntity settled = settle(claim.id, ClaimEntity.REJECTED, reason);
            // another call of the key may have got the points through and settled it first
            if (ClaimEntity.DONE.equals(settled.status)) return new Outcome<>(settled.toApi(), false);
            throw new Rejected("member", settled.reason);
        }
        boolean[] moved = new boolean[1];
        ClaimEntity settled = settle(claim.id, ClaimEntity.DONE, null, moved);
        if (ClaimEntity.REJECTED.equals(settled.status)) {
            // another call of the key saw the points short and rejected the claim (its stock is given back)
            // while this call's posting got through: give the points back, so the key keeps one answer
            ledger.post(org, claim.memberId, CLAIM_UNDO_KEY + claim.idempotencyKey, List.of(new Posting(
                Account.points(), claim.points, EntryKind.REVERSAL, "reward:" + claim.rewardId,
                "claim " + claim.id + " was rejected", null)), caller.actor());
            throw new Rejected("member", settled.reason);
        }
        return new Outcome<>(settled.toApi(), moved[0]);
    }

    private ClaimEntity settle(long claimId, String status, String reason) {
        return settle(claimId, status, reason, new boolean[1]);
    }

    /** Step 3: moves a PENDING claim to {@code status} (a rejection gives its stock back); any other is left. */
    private ClaimEntity settle(long claimId, String status, String reason, boolean[] moved) {
        return db.inTransaction(em -> {
            ClaimEntity claim = em.find(ClaimEntity.class, claimId, LockModeType.PESSIMISTIC_WRITE);
            moved[0] = ClaimEntity.PENDING.equals(claim.status);
            if (!moved[0]) return claim;
            claim.status = status;
            claim.reason = reason;
            if (ClaimEntity.REJECTED.equals(status)) {
                RewardEntity reward = em.find(RewardEntity.class, claim.rewardId, LockModeType.PESSIMISTIC_WRITE);
                if (reward.stock != null) reward.stock += 1;
            }
            return claim;
        });
    }

    // ---- conversion

    /**
     * Converts points to shared credit at the point value of the policy in force at {@code branch} (the
     * chain's when null), in one ledger posting under the key {@code points-conversion:<key>}.
     */
    public Outcome<Conversion> convert(Caller caller, String memberRef, long points, String branch, String key) {
        String org = caller.organisationId();
        String memberId = member(org, memberRef);
        if (branch != null) requireActiveBranch(org, branch);
        long credit = RewardRules.creditFor(points, policies.effective(org, branch).pointValue());
        String note = points + " points to credit";
        List<LedgerEntry> before = ledger.entries(org, memberId, 0, 1);
        List<LedgerEntry> entries;
        try {
            entries = ledger.post(org, memberId, CONVERSION_KEY + key, List.of(
                new Posting(Account.points(), -points, EntryKind.REDEEM, CONVERSION_SOURCE, note, null),
                new Posting(Account.sharedCredit(), credit, EntryKind.EARN, CONVERSION_SOURCE, note, null)),
                caller.actor());
        } catch (Rejected refused) {
            throw new Rejected("points", "not enough points: " + refused.getMessage());
        }
        // the ledger answers a replay with the first call's entries, which are older than the newest seen before
        boolean written = before.isEmpty() || entries.get(0).id() > before.get(0).id();
        long converted = -entries.get(0).amount();
        long credited = entries.get(1).amount();
        return new Outcome<>(new Conversion(memberId, converted, credited, credited / converted, branch,
            entries.get(0).at(), entries), written);
    }

    // ---- shared

    private String member(String org, String reference) {
        return members.find(org, reference).or(() -> members.findByPhone(org, reference)).map(Member::id)
            .orElseThrow(() -> new Rejected("member", "no member " + reference));
    }

    private void requireActiveBranch(String org, String code) {
        Branch branch = branches.find(org, code).orElseThrow(() -> new Rejected("branch", "no branch " + code));
        if (!branch.active()) throw new Rejected("branch", "branch " + code + " is not active");
    }

    /** The codes, each once; every one must be a branch of the organisation. */
    private List<String> existingBranches(String org, List<String> codes) {
        List<String> normal = RewardRules.normalise(codes);
        List<String> unknown = normal.stream().filter(c -> branches.find(org, c).isEmpty()).toList();
        if (!unknown.isEmpty()) throw new Rejected("branches", "no branch " + String.join(", ", unknown));
        return normal;
    }

    private static RewardEntity find(EntityManager em, String org, long id, LockModeType lock) {
        RewardEntity r = em.find(RewardEntity.class, id, lock);
        if (r == null || !r.organisationId.equals(org)) throw new NotFound("no reward " + id);
        return r;
    }

    private static ClaimEntity claimOfKey(EntityManager em, String org, String key) {
        return em.createQuery("select c from ClaimEntity c where c.organisationId = :o and c.idempotencyKey = :k",
            ClaimEntity.class).setParameter("o", org).setParameter("k", key).getResultStream().findFirst().orElse(null);
    }

    private static void stamp(RewardEntity r, Caller caller) {
        r.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        r.changedBy = caller.actor();
    }

    private static String describe(Reward r) {
        return r.name() + ", " + r.pointsCost() + " points, stock " + (r.stock() == null ? "unlimited" : r.stock())
            + ", branches " + (r.branches().isEmpty() ? "all" : String.join(" ", r.branches()))
            + (r.active() ? "" : ", inactive");
    }
}

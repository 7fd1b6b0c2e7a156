package org.bashgah.core.internal.purchase;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.Balances;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.Events;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.PointsValuation;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.PurchaseContributor;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.core.api.RedemptionPolicy;
import org.bashgah.core.api.Redemption;
import org.bashgah.core.internal.CoreSettings;
import org.bashgah.core.internal.audit.AuditLog;
import org.bashgah.core.internal.branch.Branches;
import org.bashgah.core.internal.claim.Claims;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.db.TimeOrderedIds;
import org.bashgah.core.internal.events.EventPublisher;
import org.bashgah.core.internal.idempotency.Idempotency;
import org.bashgah.core.internal.ledger.BalanceEntity;
import org.bashgah.core.internal.ledger.Ledger;
import org.bashgah.core.internal.ledger.LedgerEntryEntity;
import org.bashgah.core.internal.ledger.Shares;
import org.bashgah.core.internal.member.MemberEntity;
import org.bashgah.core.internal.member.Members;
import org.bashgah.core.internal.organisation.Organisations;
import org.bashgah.core.internal.rest.ProblemException;
import org.bashgah.core.internal.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purchase pipeline: posts a purchase, its redemptions and what every {@link PurchaseContributor}
 * proposes, in one transaction under the member's lock; and refunds, which take back the refunded share.
 */
@Component(service = Purchases.class)
public class Purchases {
    private static final Logger LOG = LoggerFactory.getLogger(Purchases.class);
    static final String POST = "purchase";
    static final String REFUND = "refund";

    private final Database db;
    private final CoreSettings settings;
    private final EventPublisher events;
    private final Organisations organisations;
    private final Branches branches;
    private final PostingLimit postingLimit = new PostingLimit();

    /** Sorted by ascending service ranking (DS); asked highest-ranked first. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PurchaseContributor> contributors = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile PointsValuation pointsValuation;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RedemptionPolicy> redemptionPolicies = List.of();

    @Activate
    public Purchases(@Reference Database db, @Reference CoreSettings settings, @Reference EventPublisher events,
                     @Reference Organisations organisations, @Reference Branches branches) {
        this.db = db;
        this.settings = settings;
        this.events = events;
        this.organisations = organisations;
        this.branches = branches;
    }

    /** Runs a posting's transaction within {@link PostingLimit} (purchase.concurrency and the pool's size). */
    private Outcome posting(Function<EntityManager, Outcome> work) {
        int bound = PostingLimit.bound(settings.purchaseConcurrency(), db.poolSize());
        return postingLimit.run(bound, () -> db.inTransaction(work));
    }

    /**
     * The answer to a purchase or refund, and whether this call wrote it (false for a replay); {@code event} is the
     * event it recorded, to deliver after the commit (null for a replay).
     */
    public record Outcome(Object body, boolean created, EventPublisher.Pending event) {
        Outcome(Object body) {
            this(body, false, null);
        }
    }

    public Outcome post(Caller caller, PurchaseRequest request) {
        String org = caller.organisationId();
        String fingerprint = Idempotency.fingerprint(request);
        Instant at = (request.at() == null ? Instant.now() : request.at().toInstant()).truncatedTo(ChronoUnit.MILLIS);
        Outcome outcome = posting(em -> {
            // the member's lock first: a retry of this key that committed while this one waited for it is found
            // by the one lookup below, and answered as the first time even if its branch or member has gone since
            MemberEntity member = Members.resolveLocked(em, org, request.member(), settings.phoneRegion());
            var replay = Idempotency.find(em, org, request.idempotencyKey(), POST, fingerprint);
            if (replay.isPresent()) return new Outcome(replay.get().response());
            String branch = branches.requireActiveCode(em, org, request.branch(), "branch");
            caller.requireBranch(branch);
            if (member == null) throw new Rejected("member", "no member " + request.member());
            // read once under the lock; the ledger writes below and the answer's balances use these rows
            List<BalanceEntity> held = Ledger.holdings(em, member.id);

            Organisation organisation = organisations.require(org);
            ZoneId zone = ZoneId.of(organisation.timeZone());
            String purchaseId = TimeOrderedIds.next();
            long amount = request.amount();
            List<PurchaseLine> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new PurchaseLine(l.productGroup(), l.amount())).toList();
            Redemption redemption = redemptionOf(request.redeem());
            Members.PostingStats before = Members.postingStats(em, member);
            PurchaseContext context = new PurchaseContext(organisation, purchaseId, branch,
                member.toApi(), before.stats(), at.atZone(zone), amount, lines, redemption);
            // claims first: a source whose limits are spent (a one-time offer, a budget) proposes nothing
            List<Proposal> proposals = Claims.apply(em, org, purchaseId, member.id, at, propose(context));

            long discount = Math.min(amount, proposals.stream()
                .filter(p -> p.kind() == Proposal.Kind.DISCOUNT).mapToLong(Proposal::amount).sum());
            long pointsValue = valueOfPoints(org, branch, redemption.points());
            long due = amount - discount;
            long paidFromBalances = redemption.sharedCredit() + redemption.branchCredit() + pointsValue;
            if (paidFromBalances > due) {
                throw new Rejected("redeem", "redemption of " + paidFromBalances + " is more than the " + due + " due");
            }
            if (paidFromBalances > 0) {
                long cap = redemptionCap(context, due);
                if (paidFromBalances > cap) {
                    throw new Rejected("redeem", "credit and points may pay at most " + cap + " of this purchase, not "
                        + paidFromBalances);
                }
            }

            PurchaseEntity purchase = new PurchaseEntity();
            purchase.id = purchaseId;
            purchase.organisationId = org;
            purchase.branch = branch;
            purchase.memberId = member.id;
            purchase.at = at;
            purchase.amount = amount;
            purchase.discount = discount;
            purchase.redeemedShared = redemption.sharedCredit();
            purchase.redeemedBranch = redemption.branchCredit();
            purchase.redeemedPoints = redemption.points();
            purchase.pointsValue = pointsValue;
            purchase.payable = due - paidFromBalances;
            purchase.createdAt = Instant.now();
            purchase.createdBy = caller.actor();
            em.persist(purchase);
            for (int i = 0; i < lines.size(); i++) {
                PurchaseLineEntity line = new PurchaseLineEntity();
                line.purchaseId = purchaseId;
                line.lineNo = i + 1;
                line.productGroup = lines.get(i).productGroup();
                line.amount = lines.get(i).amount();
                em.persist(line);
            }

            redeem(em, caller, purchase, Account.sharedCredit(), redemption.sharedCredit(), "redeem.sharedCredit");
            redeem(em, caller, purchase, Account.branchCredit(branch), redemption.branchCredit(),
                "redeem.branchCredit");
            redeem(em, caller, purchase, Account.points(), redemption.points(), "redeem.points");
            long[] earned = new long[3];
            Map<String, String> applied = new LinkedHashMap<>();
            for (Proposal p : proposals) {
                if (p.sourceName() != null) applied.putIfAbsent(p.source(), p.sourceName());
                if (p.kind() == Proposal.Kind.DISCOUNT) continue;
                EntryKind kind = p.kind() == Proposal.Kind.EARN ? EntryKind.EARN : EntryKind.BONUS;
                Ledger.write(em, new Ledger.Line(org, member.id, p.account(), p.amount(), kind, purchaseId,
                    p.source(), p.note(), p.expiresAt(), caller.actor()), "amount");
                if (p.account().isPoints()) earned[2] += p.amount();
                else if (p.account().isBranchCredit()) earned[1] += p.amount();
                else if (Account.SHARED_CREDIT.equals(p.account().type())) earned[0] += p.amount();
            }
            Members.countPurchase(em, member, before, branch, at, amount, lines);

            List<Account> written = new ArrayList<>();
            if (redemption.sharedCredit() > 0) written.add(Account.sharedCredit());
            if (redemption.branchCredit() > 0) written.add(Account.branchCredit(branch));
            if (redemption.points() > 0) written.add(Account.points());
            for (Proposal p : proposals) if (p.kind() != Proposal.Kind.DISCOUNT) written.add(p.account());
            Balances balances = Ledger.balances(em, held, written, member.id, member.tier, caller.branch());
            PurchaseResponse response = new PurchaseResponse(purchaseId, member.id, branch,
                at.atZone(zone).toOffsetDateTime(), amount, discount,
                new PurchaseResponse.Amounts(redemption.sharedCredit(), redemption.branchCredit(), redemption.points()),
                purchase.payable, new PurchaseResponse.Amounts(earned[0], earned[1], earned[2]),
                applied.entrySet().stream().map(e -> new PurchaseResponse.AppliedOffer(e.getKey(), e.getValue()))
                    .toList(),
                balances);
            Idempotency.remember(em, org, request.idempotencyKey(), POST, fingerprint, purchaseId, response);
            Map<String, Object> event = new HashMap<>(Map.of(Events.ORGANISATION, org, Events.MEMBER, member.id,
                Events.PURCHASE, purchaseId, Events.BRANCH, branch, Events.AMOUNT, amount,
                Events.VISITS, member.visits, Events.EARNED_POINTS, earned[2], Events.AT, at.toString()));
            if (member.tier != null) event.put(Events.TIER, member.tier);
            return new Outcome(response, true, events.record(em, Events.PURCHASE_POSTED, event));
        });
        events.deliver(outcome.event());
        return outcome;
    }

    /** The smallest limit of the installed redemption policies; {@code due} without any. */
    private long redemptionCap(PurchaseContext context, long due) {
        long cap = due;
        for (RedemptionPolicy policy : redemptionPolicies) cap = Math.min(cap, Math.max(0, policy.maxRedeemable(context, due)));
        return cap;
    }

    private static Redemption redemptionOf(PurchaseRequest.Redeem redeem) {
        if (redeem == null) return Redemption.NONE;
        return new Redemption(zeroIfNull(redeem.sharedCredit()), zeroIfNull(redeem.branchCredit()),
            zeroIfNull(redeem.points()));
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }

    private long valueOfPoints(String org, String branch, long points) {
        if (points == 0) return 0;
        PointsValuation valuation = pointsValuation;
        if (valuation == null) {
            throw new Rejected("redeem.points", "points cannot pay for purchases here: no points valuation is "
                + "installed (bashgah-credit)");
        }
        return valuation.valueOf(org, branch, points);
    }

    private static void redeem(EntityManager em, Caller caller, PurchaseEntity purchase, Account account, long amount,
                               String field) {
        if (amount == 0) return;
        Ledger.write(em, new Ledger.Line(purchase.organisationId, purchase.memberId, account, -amount,
            EntryKind.REDEEM, purchase.id, null, null, null, caller.actor()), field);
    }

    /** Asks every contributor, keeps the proposals that are well formed, and logs the rest. */
    private List<Proposal> propose(PurchaseContext context) {
        List<PurchaseContributor> ranked = new ArrayList<>(contributors);
        Collections.reverse(ranked);
        List<Proposal> accepted = new ArrayList<>();
        for (PurchaseContributor contributor : ranked) {
            List<Proposal> proposals;
            try {
                proposals = contributor.contribute(context);
            } catch (RuntimeException e) {
                LOG.warn("Purchase contributor {} failed on purchase {}; posted without it", name(contributor),
                    context.purchaseId(), e);
                continue;
            }
            if (proposals == null) continue;
            for (Proposal p : proposals) {
                String fault = faultOf(p, context.branch());
                if (fault == null) accepted.add(p);
                else LOG.warn("Purchase contributor {} proposed {} for purchase {}: {}; ignored", name(contributor), p,
                    context.purchaseId(), fault);
            }
        }
        return accepted;
    }

    private static String name(PurchaseContributor contributor) {
        try {
            return contributor.name();
        } catch (RuntimeException e) {
            return contributor.getClass().getName();
        }
    }

    /** Why a proposal cannot be written, or null when it can. */
    static String faultOf(Proposal p, String branch) {
        if (p == null || p.kind() == null) return "no kind";
        if (p.amount() <= 0 || p.amount() > org.bashgah.core.api.Validation.MAX_AMOUNT) {
            return "amount out of range";
        }
        if (p.source() == null || p.source().isBlank() || p.source().length() > 100) return "no source";
        for (Proposal.Claim claim : p.claims()) {
            String fault = Claims.faultOf(claim);
            if (fault != null) return fault;
        }
        if (p.kind() == Proposal.Kind.DISCOUNT) return p.account() == null ? null : "a discount has no account";
        if (p.account() == null) return "no account";
        if (p.account().isBranchCredit() && !branch.equals(p.account().qualifier())) {
            return "branch credit may only be earned at the branch of the purchase";
        }
        return null;
    }

    public Optional<PurchaseView> find(Caller caller, String purchaseId) {
        return db.read(em -> {
            PurchaseEntity p = em.find(PurchaseEntity.class, purchaseId);
            if (p == null || !p.organisationId.equals(caller.organisationId())) return Optional.empty();
            caller.requireBranch(p.branch);
            ZoneId zone = ZoneId.of(organisations.require(p.organisationId).timeZone());
            return Optional.of(PurchaseView.of(p, linesOf(em, p.id), Ledger.ofPurchase(em, p.id), zone));
        });
    }

    /**
     * A member's purchases, newest first, {@code limit} of them after the purchase {@code before} (null: from the
     * newest); a branch-bound caller sees only its branch's. One range of the (member, made_at) index per page.
     */
    public List<MemberPurchase> history(Caller caller, String memberId, String before, int limit) {
        return db.read(em -> {
            MemberEntity member = Members.find(em, caller.organisationId(), memberId);
            if (member == null) throw new NotFound("no member " + memberId);
            PurchaseEntity after = before == null ? null : em.find(PurchaseEntity.class, before);
            if (before != null && (after == null || !after.memberId.equals(member.id))) {
                throw ProblemException.invalid("before", "is not a purchase of this member");
            }
            String branch = caller.branch();
            var query = em.createQuery("select p from PurchaseEntity p where p.memberId = :m and p.organisationId = :o"
                    + (branch != null ? " and p.branch = :b" : "")
                    + (after != null ? " and (p.at < :at or (p.at = :at and p.id < :id))" : "")
                    + " order by p.at desc, p.id desc", PurchaseEntity.class)
                .setParameter("m", member.id).setParameter("o", caller.organisationId()).setMaxResults(limit);
            if (branch != null) query.setParameter("b", branch);
            if (after != null) query.setParameter("at", after.at).setParameter("id", after.id);
            ZoneId zone = Organisations.zoneOf(em, caller.organisationId());
            List<MemberPurchase> out = new ArrayList<>();
            for (PurchaseEntity p : query.getResultList()) {
                out.add(new MemberPurchase(p.id, p.branch, p.at.atZone(zone).toOffsetDateTime(), p.amount, p.discount,
                    new PurchaseResponse.Amounts(p.redeemedShared, p.redeemedBranch, p.redeemedPoints), p.payable,
                    p.refunded, linesOf(em, p.id).stream().map(l -> new PurchaseView.Line(l.productGroup, l.amount,
                        l.refunded)).toList()));
            }
            return out;
        });
    }

    static List<PurchaseLineEntity> linesOf(EntityManager em, String purchaseId) {
        return em.createQuery("select l from PurchaseLineEntity l where l.purchaseId = :p order by l.lineNo",
            PurchaseLineEntity.class).setParameter("p", purchaseId).getResultList();
    }

    public Outcome refund(Caller caller, String purchaseId, RefundRequest request) {
        String org = caller.organisationId();
        String fingerprint = Idempotency.fingerprint(Map.of("purchase", purchaseId, "request", request));
        Outcome outcome = posting(em -> {
            var replay = Idempotency.find(em, org, request.idempotencyKey(), REFUND, fingerprint);
            if (replay.isPresent()) return new Outcome(replay.get().response());
            PurchaseEntity purchase = em.find(PurchaseEntity.class, purchaseId);
            if (purchase == null || !purchase.organisationId.equals(org)) throw new NotFound("no purchase " + purchaseId);
            caller.requireBranch(purchase.branch);
            MemberEntity member = Members.lock(em, org, purchase.memberId);
            replay = Idempotency.find(em, org, request.idempotencyKey(), REFUND, fingerprint);
            if (replay.isPresent()) return new Outcome(replay.get().response());
            em.refresh(purchase);

            List<PurchaseLineEntity> lines = linesOf(em, purchaseId);
            Map<String, Long> perGroup = allocate(request, purchase, lines);
            long amount = perGroup.values().stream().mapToLong(Long::longValue).sum();
            if (request.lines() == null || request.lines().isEmpty()) amount = purchase.amount - purchase.refunded;
            if (amount <= 0) throw new Rejected("lines", "purchase " + purchaseId + " is already fully refunded");
            long before = purchase.refunded;
            long after = before + amount;

            Map<String, Long> earned = new TreeMap<>();
            Map<String, Long> redeemed = new TreeMap<>();
            for (LedgerEntryEntity e : Ledger.ofPurchase(em, purchaseId)) {
                if ((e.kind.equals("EARN") || e.kind.equals("BONUS")) && e.amount > 0) {
                    earned.merge(e.account, e.amount, Long::sum);
                } else if (e.kind.equals("REDEEM")) {
                    redeemed.merge(e.account, -e.amount, Long::sum);
                }
            }
            Map<String, Long> reversed = new TreeMap<>();
            Map<String, Long> returned = new TreeMap<>();
            Map<String, Long> shortfall = new TreeMap<>();
            long creditShortfall = 0;
            for (var e : earned.entrySet()) {
                Account account = Account.parse(e.getKey());
                long due = Shares.step(e.getValue(), before, after, purchase.amount);
                long take = Math.min(due, Ledger.balance(em, member.id, account));
                if (take > 0) {
                    Ledger.write(em, new Ledger.Line(org, member.id, account, -take, EntryKind.REVERSAL, purchaseId,
                        null, "refund", null, caller.actor()), "lines");
                    reversed.put(e.getKey(), take);
                }
                if (due > take) {
                    shortfall.put(e.getKey(), due - take);
                    if (!account.isPoints()) creditShortfall += due - take;
                }
            }
            for (var e : redeemed.entrySet()) {
                long back = Shares.step(e.getValue(), before, after, purchase.amount);
                if (back > 0) {
                    Ledger.write(em, new Ledger.Line(org, member.id, Account.parse(e.getKey()), back,
                        EntryKind.REVERSAL, purchaseId, null, "refund", null, caller.actor()), "lines");
                    returned.put(e.getKey(), back);
                }
            }
            long cash = Math.max(0, Shares.step(purchase.payable, before, after, purchase.amount) - creditShortfall);

            purchase.refunded = after;
            Members.countRefund(em, member, purchase.branch, purchase.at, amount, perGroup);
            AuditLog.record(em, caller, "purchase.refund", purchaseId, "amount " + amount + ", cash " + cash);
            Balances balances = Ledger.balances(em, member.id, member.tier, caller.branch());
            RefundResponse response = new RefundResponse(purchaseId, amount, after, cash, reversed, returned,
                shortfall, balances);
            Idempotency.remember(em, org, request.idempotencyKey(), REFUND, fingerprint, purchaseId, response);
            var event = events.record(em, Events.PURCHASE_REFUNDED, Map.of(Events.ORGANISATION, org,
                Events.MEMBER, member.id, Events.PURCHASE, purchaseId, Events.BRANCH, purchase.branch,
                Events.AMOUNT, amount, Events.PURCHASE_AMOUNT, purchase.amount, Events.TOTAL_REFUNDED, after));
            return new Outcome(response, true, event);
        });
        events.deliver(outcome.event());
        return outcome;
    }

    /**
     * Spreads the refunded amount over the purchase's lines (marking them refunded) and returns it per
     * product group. Without requested lines, everything not yet refunded is refunded.
     */
    private static Map<String, Long> allocate(RefundRequest request, PurchaseEntity purchase,
                                              List<PurchaseLineEntity> lines) {
        Map<String, Long> perGroup = new TreeMap<>();
        boolean whole = request.lines() == null || request.lines().isEmpty();
        if (whole) {
            for (PurchaseLineEntity line : lines) {
                long left = line.amount - line.refunded;
                if (left > 0) perGroup.merge(line.productGroup, left, Long::sum);
                line.refunded = line.amount;
            }
            return perGroup;
        }
        if (lines.isEmpty()) {
            throw new Rejected("lines", "purchase " + purchase.id + " has no lines; refund it whole");
        }
        for (int i = 0; i < request.lines().size(); i++) {
            PurchaseRequest.Line wanted = request.lines().get(i);
            long left = wanted.amount();
            long available = lines.stream().filter(l -> l.productGroup.equals(wanted.productGroup()))
                .mapToLong(l -> l.amount - l.refunded).sum();
            if (lines.stream().noneMatch(l -> l.productGroup.equals(wanted.productGroup()))) {
                throw new Rejected("lines[" + i + "].productGroup", "the purchase has no line in "
                    + wanted.productGroup());
            }
            if (left > available) {
                throw new Rejected("lines[" + i + "].amount", "only " + available + " of " + wanted.productGroup()
                    + " is left to refund");
            }
            for (PurchaseLineEntity line : lines) {
                if (left == 0) break;
                if (!line.productGroup.equals(wanted.productGroup())) continue;
                long take = Math.min(left, line.amount - line.refunded);
                line.refunded += take;
                left -= take;
            }
            perGroup.merge(wanted.productGroup(), wanted.amount(), Long::sum);
        }
        return perGroup;
    }
}

package org.bashgah.surveys.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.BashgahException.Forbidden;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Branch;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.api.MemberPurchases;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.bashgah.surveys.internal.SurveysSettings;
import org.bashgah.surveys.internal.answer.AnswerRules;
import org.bashgah.surveys.internal.answer.Answers;
import org.bashgah.surveys.internal.answer.FollowUps;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.campaign.CampaignSegments;
import org.bashgah.surveys.internal.campaign.Campaigns;
import org.bashgah.surveys.internal.campaign.Targeting;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;
import org.bashgah.surveys.internal.questionnaire.Questionnaires;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The call queue: purchases put calls in it, operators claim them and record what came of them.
 *
 * <p><b>Filling.</b> A posted purchase that an active campaign targets (the oldest such campaign takes it) queues
 * one call, {@code PENDING} until it is due. The member's contact row is locked first, so purchases of one member
 * are considered one at a time: none is queued while the member has an open call, nor within the campaign's
 * {@code minDaysBetweenCalls} of the purchase their last call was about. A purchase queues at most one call (a
 * unique key), however often its event arrives.
 *
 * <p><b>Claiming.</b> An operator's claim locks the operator's row for the day (so one operator's claims never
 * interleave) and gives back the call they already hold, if any. Otherwise it takes the queued call due first at
 * the operator's branch by a conditional update ({@code ... where id = ? and status = 'QUEUED'}): of two operators
 * racing for one call, the database lets exactly one update it, and the other moves on to the next call. As
 * every member has at most one open call, two operators never phone the same member. Only calls within their
 * campaign's call hours at their branch (in the branch's time zone) are handed out, whatever the last queue run
 * left queued. A campaign's {@code callsPerOperatorPerDay} caps the calls one operator makes of it per day (the
 * organisation's day): claims with an outcome, so a claim handed back or timed out uses up none of it. The claim
 * pins the questionnaire's current version under the questionnaire's row lock, the lock an edit takes, so an edit
 * never rewrites a version under a claim being committed.
 *
 * <p><b>Outcomes.</b> Recorded under the call's row lock by the operator who holds the claim, once per claim;
 * {@link RetryRules} decides what follows. An answered call writes its response in the same transaction, and
 * after commit {@link FollowUps} announces it.
 */
@Component(service = CallQueue.class)
public class CallQueue {
    static final int CANDIDATES = 20;
    static final int RECENT_PURCHASES = 5;
    static final String SYSTEM = "system:surveys";

    private final SurveysDatabase db;
    private final Campaigns campaigns;
    private final MemberService members;
    private final MemberPurchases purchases;
    private final OrganisationService organisations;
    private final SurveysSettings settings;
    private final FollowUps followUps;
    private final BranchService branches;
    private final CampaignSegments segments;

    @Activate
    public CallQueue(@Reference SurveysDatabase db, @Reference Campaigns campaigns, @Reference MemberService members,
                     @Reference MemberPurchases purchases, @Reference OrganisationService organisations,
                     @Reference SurveysSettings settings, @Reference FollowUps followUps,
                     @Reference BranchService branches, @Reference CampaignSegments segments) {
        this.db = db;
        this.campaigns = campaigns;
        this.members = members;
        this.purchases = purchases;
        this.organisations = organisations;
        this.settings = settings;
        this.followUps = followUps;
        this.branches = branches;
        this.segments = segments;
    }

    // ---------------------------------------------------------------------------------------------- filling

    /**
     * A posted purchase, as core's event tells it; {@code tier} is the member's when it was posted (null from a
     * core before API 1.5: then it is read).
     */
    public record Purchase(String organisationId, String memberId, String purchaseId, String branch, long amount,
                           long visits, Instant at, String tier) {
    }

    /** Queues a call for the purchase if a campaign wants one; the call's id, or null. */
    public Long enqueue(Purchase p) {
        List<Campaign> active = campaigns.active(p.organisationId());
        if (active.isEmpty()) return null;
        String tier = p.tier() != null ? p.tier()
            : members.find(p.organisationId(), p.memberId()).map(Member::tier).orElse(null);
        Campaign campaign = active.stream()
            .filter(c -> Targeting.targets(c, p.branch(), tier, p.visits(), p.purchaseId()))
            // the segment last: one indexed lookup in reports, only for a purchase the campaign targets otherwise
            .filter(c -> segments.admits(c, p.organisationId(), p.memberId())).findFirst().orElse(null);
        if (campaign == null) return null;
        Instant at = p.at().truncatedTo(ChronoUnit.MILLIS);
        // a purchase posted after the campaign would have given up on its call queues nothing
        if (RetryRules.giveUpAt(at, campaign).isBefore(Instant.now())) return null;
        return db.inTransaction(em -> {
            ContactEntity contact = em.find(ContactEntity.class, new ContactEntity.Key(p.organisationId(), p.memberId()),
                LockModeType.PESSIMISTIC_WRITE);
            if (contact == null) {
                // two first purchases at once: one insert wins, the other transaction runs again and locks its row
                contact = new ContactEntity();
                contact.organisationId = p.organisationId();
                contact.memberId = p.memberId();
                contact.firstQueuedAt = now();
                em.persist(contact);
                em.flush();
            }
            boolean queuedBefore = !em.createQuery("select c.id from CallEntity c where c.organisationId = :o"
                    + " and c.purchaseId = :p").setParameter("o", p.organisationId()).setParameter("p", p.purchaseId())
                .getResultList().isEmpty();
            if (queuedBefore) return null;
            boolean open = !em.createQuery("select c.id from CallEntity c where c.organisationId = :o and c.memberId = :m"
                    + " and c.status in :open").setParameter("o", p.organisationId()).setParameter("m", p.memberId())
                .setParameter("open", CallEntity.OPEN).setMaxResults(1).getResultList().isEmpty();
            Instant last = em.createQuery("select c.purchasedAt from CallEntity c where c.organisationId = :o"
                    + " and c.memberId = :m order by c.purchasedAt desc", Instant.class).setParameter("o", p.organisationId())
                .setParameter("m", p.memberId()).setMaxResults(1).getResultStream().findFirst().orElse(null);
            if (!Targeting.mayCallAgain(open, last, at, campaign.minDaysBetweenCalls())) return null;
            CallEntity call = new CallEntity();
            call.organisationId = p.organisationId();
            call.campaignId = campaign.id();
            call.memberId = p.memberId();
            call.branch = p.branch();
            call.purchaseId = p.purchaseId();
            call.purchaseAmount = p.amount();
            call.purchasedAt = at;
            call.status = CallEntity.PENDING;
            call.dueAt = Targeting.dueAt(at, campaign.delayHours());
            call.createdAt = now();
            em.persist(call);
            em.flush();
            return call.id;
        });
    }

    // ---------------------------------------------------------------------------------------------- claims

    /** A call screen, and whether this request claimed it (false: the caller already held it). */
    public record Claimed(CallScreen screen, boolean created) {
    }

    /**
     * Claims the next call for the caller at {@code branch} (null: any, for a chain admin), of {@code campaign} only
     * when given; null when nothing is queued there.
     *
     * @throws Rejected when queued calls are left only of campaigns whose daily limit the caller has reached
     */
    public Claimed claim(Caller caller, String branch, Long campaign) {
        String org = caller.organisationId();
        String operator = caller.actor();
        Instant now = now();
        LocalDate day = LocalDate.ofInstant(now, zone(org));
        Map<Long, Campaign> active = campaigns.active(org).stream()
            .collect(Collectors.toMap(Campaign::id, c -> c));
        if (campaign != null && !active.containsKey(campaign)) {
            throw new Rejected("campaign", "no active campaign " + campaign);
        }
        // the campaigns that may be called now, each at the branches (the caller's only) within its call hours now
        Map<String, ZoneId> zones = branchZones(org);
        Map<Long, List<String>> callable = new HashMap<>();
        for (Campaign c : campaign != null ? List.of(active.get(campaign)) : active.values()) {
            List<String> at = inCallHours(c, zones, now).stream().filter(b -> branch == null || b.equals(branch)).toList();
            if (!at.isEmpty()) callable.put(c.id(), at);
        }
        long[] taken = db.inTransaction(em -> {
            OperatorDayEntity od = em.find(OperatorDayEntity.class, new OperatorDayEntity.Key(org, operator, day),
                LockModeType.PESSIMISTIC_WRITE);
            if (od == null) {
                od = new OperatorDayEntity();
                od.organisationId = org;
                od.operator = operator;
                od.day = day;
                em.persist(od);
                em.flush();
            }
            Long held = openClaimOf(em, org, operator);
            if (held != null) return new long[] {held, 0};
            // only callable campaigns' calls; a campaign whose daily limit the operator has reached drops out
            Map<Long, List<String>> allowed = new HashMap<>(callable);
            boolean limited = false;
            for (int round = 0; round < 3 + active.size() && !allowed.isEmpty(); round++) {
                List<Long> ids = List.copyOf(allowed.keySet());
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < ids.size(); i++) {
                    where.append(i == 0 ? "" : " or ").append("(c.campaignId = :c").append(i)
                        .append(" and c.branch in :b").append(i).append(')');
                }
                var query = em.createQuery("select c.id, c.campaignId from CallEntity c where c.organisationId = :o"
                        + " and c.status = :queued and (" + where + ") order by c.dueAt, c.id", Object[].class)
                    .setParameter("o", org).setParameter("queued", CallEntity.QUEUED).setMaxResults(CANDIDATES);
                for (int i = 0; i < ids.size(); i++) {
                    query.setParameter("c" + i, ids.get(i)).setParameter("b" + i, allowed.get(ids.get(i)));
                }
                List<Object[]> candidates = query.getResultList();
                if (candidates.isEmpty()) break;
                for (Object[] candidate : candidates) {
                    long callId = ((Number) candidate[0]).longValue();
                    Campaign c = active.get(((Number) candidate[1]).longValue());
                    if (!allowed.containsKey(c.id())) continue;
                    if (callsMadeToday(em, org, operator, day, c.id()) >= c.callsPerOperatorPerDay()) {
                        allowed.remove(c.id());
                        limited = true;
                        continue;
                    }
                    int won = em.createQuery("update CallEntity c set c.status = :claimed, c.claimedBy = :op,"
                            + " c.claimedAt = :now where c.id = :id and c.status = :queued")
                        .setParameter("claimed", CallEntity.CLAIMED).setParameter("op", operator).setParameter("now", now)
                        .setParameter("id", callId).setParameter("queued", CallEntity.QUEUED).executeUpdate();
                    if (won != 1) continue; // another operator took it first
                    ClaimEntity k = new ClaimEntity();
                    k.organisationId = org;
                    k.callId = callId;
                    k.campaignId = c.id();
                    k.branch = em.createQuery("select c.branch from CallEntity c where c.id = :id", String.class)
                        .setParameter("id", callId).getSingleResult();
                    k.operator = operator;
                    k.claimedAt = now;
                    k.day = day;
                    k.versionId = Questionnaires.currentVersionId(em, c.questionnaire());
                    em.persist(k);
                    em.flush();
                    em.createQuery("update CallEntity c set c.claimId = :k where c.id = :id")
                        .setParameter("k", k.id).setParameter("id", callId).executeUpdate();
                    od.claims += 1;
                    return new long[] {k.id, 1};
                }
            }
            if (limited) {
                throw new Rejected("campaign", "you have made today's calls of every campaign with calls queued here;"
                    + " the limit is per operator and day");
            }
            return null;
        });
        if (taken == null) return null;
        return new Claimed(screen(caller, taken[0]), taken[1] == 1);
    }

    /** The call screen of a claim: for its operator, and for chain admins and managers of its branch. */
    public CallScreen screen(Caller caller, long claimId) {
        String org = caller.organisationId();
        record Loaded(ClaimEntity claim, CallEntity call, Questionnaire questionnaire, List<Attempt> earlier,
                      Campaign campaign) {
        }
        Loaded loaded = db.read(em -> {
            ClaimEntity k = em.find(ClaimEntity.class, claimId);
            if (k == null || !k.organisationId.equals(org)) throw new NotFound("no claim " + claimId);
            mayRead(caller, k);
            CallEntity call = em.find(CallEntity.class, k.callId);
            List<Attempt> earlier = em.createQuery("select k from ClaimEntity k where k.callId = :c and k.id < :k"
                    + " order by k.id", ClaimEntity.class).setParameter("c", call.id).setParameter("k", k.id)
                .getResultStream().map(ClaimEntity::toApi).toList();
            return new Loaded(k, call, Questionnaires.byVersionId(em, k.versionId), earlier,
                Campaigns.byId(em, k.campaignId));
        });
        CallEntity call = loaded.call();
        Member member = members.find(org, call.memberId).orElse(null);
        CallScreen.MemberCard card = member == null ? new CallScreen.MemberCard(call.memberId, null, null, null, null)
            : new CallScreen.MemberCard(member.id(), member.name(), member.phone(), member.tier(), member.joinedAt());
        return new CallScreen(claimId, call.id, call.campaignId, loaded.campaign().name(), card, call.branch,
            new CallScreen.Visit(call.purchaseId, call.purchasedAt, call.purchaseAmount),
            purchases.recent(org, call.memberId, caller.branch(), RECENT_PURCHASES), loaded.questionnaire(),
            call.attempts, call.callBacks, loaded.earlier(), loaded.claim().claimedAt,
            loaded.claim().claimedAt.plus(settings.claimTimeout()));
    }

    // ---------------------------------------------------------------------------------------------- outcomes

    /** What an outcome did: the call's status now, when it is due again (if it is), and the response written. */
    public record Recorded(long claim, long call, String outcome, String status, Instant dueAt, Long response,
                           Long alert) {
    }

    /** A recorded outcome, and whether this request recorded it (false: a repeat of the same outcome). */
    public record Outcome(Recorded recorded, boolean created) {
    }

    /** Records what came of a claim; see the class comment. */
    public Outcome record(Caller caller, long claimId, RetryRules.Outcome outcome, Instant callBackAt, String note,
                          List<AnswerRules.Given> answers) {
        String org = caller.organisationId();
        ClaimEntity seen = db.read(em -> em.find(ClaimEntity.class, claimId));
        if (seen == null || !seen.organisationId.equals(org)) throw new NotFound("no claim " + claimId);
        if (!seen.operator.equals(caller.actor())) {
            throw new Forbidden("claim " + claimId + " is " + seen.operator + "'s; only they record its outcome");
        }
        List<AnswerRules.Checked> checked = List.of();
        if (outcome == RetryRules.Outcome.ANSWERED && seen.outcome == null) {
            Questionnaire version = db.read(em -> Questionnaires.byVersionId(em, seen.versionId));
            Validation v = new Validation();
            checked = AnswerRules.check(v, version, answers);
            v.throwIfInvalid();
        }
        List<AnswerRules.Checked> answered = checked;
        Instant now = now();
        LocalDate day = LocalDate.ofInstant(now, zone(org));
        SurveysSettings.LowScores lowScores = settings.lowScores();
        Answers.Written[] written = {null};
        Outcome result = db.inTransaction(em -> {
            written[0] = null;
            CallEntity call = em.find(CallEntity.class, seen.callId, LockModeType.PESSIMISTIC_WRITE);
            ClaimEntity k = em.find(ClaimEntity.class, claimId, LockModeType.PESSIMISTIC_WRITE);
            if (k.outcome != null) return new Outcome(repeat(em, call, k, outcome), false);
            if (!CallEntity.CLAIMED.equals(call.status) || !Objects.equals(call.claimId, k.id)) {
                throw new Rejected("claim", "this claim went back to the queue unfinished; claim the next call");
            }
            Campaign campaign = Campaigns.byId(em, call.campaignId);
            RetryRules.Next next = RetryRules.after(outcome, call.attempts, call.callBacks, now, callBackAt,
                RetryRules.giveUpAt(call.purchasedAt, campaign), campaign);
            k.outcome = outcome.name();
            k.outcomeAt = now;
            k.callBackAt = outcome == RetryRules.Outcome.CALL_BACK ? callBackAt : null;
            k.note = note;
            call.outcome = outcome.name();
            call.attempts = next.attempts();
            call.callBacks = next.callBacks();
            call.status = next.status();
            if (next.closed()) {
                call.closedAt = now;
                call.closedDay = day;
                call.closedBy = k.operator;
            } else {
                call.dueAt = next.dueAt();
                call.queuedAt = null;
            }
            if (outcome == RetryRules.Outcome.ANSWERED) {
                written[0] = Answers.write(em, new Answers.Completion(org, call.id, k.id, call.campaignId,
                    campaign.questionnaire(), k.versionId, call.memberId, call.branch, k.operator, now, day,
                    campaign.apologyOffer()), answered, lowScores);
            }
            Answers.Written w = written[0];
            return new Outcome(new Recorded(k.id, call.id, k.outcome, call.status, next.dueAt(),
                w == null ? null : w.response().id, w == null || w.alert() == null ? null : w.alert().id), true);
        });
        if (written[0] != null) followUps.announce(written[0].response(), written[0].alert());
        return result;
    }

    /**
     * Hands a claim back unfinished, by its operator (e.g. the member's line is needed for another call): the claim
     * ends {@code ABANDONED} as a timed-out one does, and the call is back in the queue at once (within the
     * campaign's call hours; outside them it waits for them), not a try. Releasing a released claim again does
     * nothing; one whose outcome was recorded is refused.
     */
    public void release(Caller caller, long claimId) {
        String org = caller.organisationId();
        ClaimEntity seen = db.read(em -> em.find(ClaimEntity.class, claimId));
        if (seen == null || !seen.organisationId.equals(org)) throw new NotFound("no claim " + claimId);
        if (!seen.operator.equals(caller.actor())) {
            throw new Forbidden("claim " + claimId + " is " + seen.operator + "'s; only they hand it back");
        }
        Instant now = now();
        Map<String, ZoneId> zones = branchZones(org);
        db.inTransaction(em -> {
            CallEntity call = em.find(CallEntity.class, seen.callId, LockModeType.PESSIMISTIC_WRITE);
            ClaimEntity k = em.find(ClaimEntity.class, claimId, LockModeType.PESSIMISTIC_WRITE);
            if (ClaimEntity.ABANDONED.equals(k.outcome)) return null;
            if (k.outcome != null) {
                throw new Rejected("claim", "this claim's outcome was recorded already, as " + k.outcome);
            }
            k.outcome = ClaimEntity.ABANDONED;
            k.outcomeAt = now;
            if (CallEntity.CLAIMED.equals(call.status) && Objects.equals(call.claimId, k.id)) {
                Campaign campaign = Campaigns.byId(em, call.campaignId);
                boolean open = campaign.active() && campaign.callHours()
                    .contains(now.atZone(zones.getOrDefault(call.branch, zone(org))));
                call.status = open ? CallEntity.QUEUED : CallEntity.PENDING;
                call.queuedAt = open ? now : null;
            }
            return null;
        });
    }

    /** A claim's outcome asked for again: the same outcome answers as the first time did; another is refused. */
    private static Recorded repeat(EntityManager em, CallEntity call, ClaimEntity k, RetryRules.Outcome asked) {
        if (ClaimEntity.ABANDONED.equals(k.outcome)) {
            throw new Rejected("claim", "this claim went back to the queue unfinished; claim the next call");
        }
        if (!k.outcome.equals(asked.name())) {
            throw new Rejected("outcome", "this claim's outcome was recorded already, as " + k.outcome);
        }
        Long response = em.createQuery("select r.id from ResponseEntity r where r.claimId = :k", Long.class)
            .setParameter("k", k.id).getResultStream().findFirst().orElse(null);
        Long alert = response == null ? null : em.createQuery("select a.id from AlertEntity a where a.responseId = :r",
            Long.class).setParameter("r", response).getResultStream().findFirst().orElse(null);
        boolean current = Objects.equals(call.claimId, k.id);
        return new Recorded(k.id, call.id, k.outcome, current ? call.status : null,
            current && CallEntity.OPEN.contains(call.status) ? call.dueAt : null,
            response, alert);
    }

    // ---------------------------------------------------------------------------------------------- views

    /** The queue at a branch (null: every branch) for a campaign (null: every campaign). */
    public record QueueView(String branch, Long campaign, long pending, long queued, long claimed, List<CallView> next,
                            Long myClaim, long myClaimsToday) {
    }

    public QueueView overview(Caller caller, String branch, Long campaign, int limit) {
        String org = caller.organisationId();
        LocalDate day = LocalDate.ofInstant(now(), zone(org));
        return db.read(em -> {
            var counts = em.createQuery("select c.status, count(c.id) from CallEntity c where c.organisationId = :o"
                    + " and c.status in :open" + (branch != null ? " and c.branch = :b" : "")
                    + (campaign != null ? " and c.campaignId = :c" : "") + " group by c.status", Object[].class)
                .setParameter("o", org).setParameter("open", CallEntity.OPEN);
            if (branch != null) counts.setParameter("b", branch);
            if (campaign != null) counts.setParameter("c", campaign);
            Map<String, Long> byStatus = new HashMap<>();
            for (Object[] row : counts.getResultList()) byStatus.put((String) row[0], ((Number) row[1]).longValue());
            var next = em.createQuery("select c from CallEntity c where c.organisationId = :o and c.status = :queued"
                    + (branch != null ? " and c.branch = :b" : "") + (campaign != null ? " and c.campaignId = :c" : "")
                    + " order by c.dueAt, c.id", CallEntity.class)
                .setParameter("o", org).setParameter("queued", CallEntity.QUEUED).setMaxResults(limit);
            if (branch != null) next.setParameter("b", branch);
            if (campaign != null) next.setParameter("c", campaign);
            // calls made, as the daily limit counts them
            long today = em.createQuery("select count(k.id) from ClaimEntity k where k.organisationId = :o"
                    + " and k.operator = :op and k.day = :d and k.outcome is not null and k.outcome <> :abandoned",
                    Long.class).setParameter("o", org).setParameter("op", caller.actor()).setParameter("d", day)
                .setParameter("abandoned", ClaimEntity.ABANDONED).getSingleResult();
            return new QueueView(branch, campaign, byStatus.getOrDefault(CallEntity.PENDING, 0L),
                byStatus.getOrDefault(CallEntity.QUEUED, 0L), byStatus.getOrDefault(CallEntity.CLAIMED, 0L),
                next.getResultStream().map(CallEntity::toApi).toList(), openClaimOf(em, org, caller.actor()), today);
        });
    }

    /** How many calls of the campaign are in each status. */
    public Map<String, Long> counts(String org, long campaign) {
        return db.read(em -> {
            Map<String, Long> byStatus = new HashMap<>();
            for (Object[] row : em.createQuery("select c.status, count(c.id) from CallEntity c where c.organisationId = :o"
                    + " and c.campaignId = :c group by c.status", Object[].class).setParameter("o", org)
                .setParameter("c", campaign).getResultList()) {
                byStatus.put((String) row[0], ((Number) row[1]).longValue());
            }
            return byStatus;
        });
    }

    /** Calls newest first, filtered by what is given, with ids below {@code beforeId} (0: the newest). */
    public List<CallView> calls(String org, String branch, Long campaign, String status, String member, long beforeId,
                                int limit) {
        return db.read(em -> {
            var query = em.createQuery("select c from CallEntity c where c.organisationId = :o"
                    + (branch != null ? " and c.branch = :b" : "") + (campaign != null ? " and c.campaignId = :c" : "")
                    + (status != null ? " and c.status = :s" : "") + (member != null ? " and c.memberId = :m" : "")
                    + (beforeId > 0 ? " and c.id < :before" : "") + " order by c.id desc", CallEntity.class)
                .setParameter("o", org).setMaxResults(limit);
            if (branch != null) query.setParameter("b", branch);
            if (campaign != null) query.setParameter("c", campaign);
            if (status != null) query.setParameter("s", status);
            if (member != null) query.setParameter("m", member);
            if (beforeId > 0) query.setParameter("before", beforeId);
            return query.getResultStream().map(CallEntity::toApi).toList();
        });
    }

    /** A call and every attempt at it. */
    public record CallDetail(CallView call, List<Attempt> attempts) {
    }

    public CallDetail call(String org, String branch, long id) {
        return db.read(em -> {
            CallEntity c = em.find(CallEntity.class, id);
            if (c == null || !c.organisationId.equals(org) || (branch != null && !branch.equals(c.branch))) {
                throw new NotFound("no call " + id);
            }
            return new CallDetail(c.toApi(), em.createQuery("select k from ClaimEntity k where k.callId = :c order by k.id",
                ClaimEntity.class).setParameter("c", id).getResultStream().map(ClaimEntity::toApi).toList());
        });
    }

    // ---------------------------------------------------------------------------------------------- shared

    /** @throws Rejected when the organisation has no such branch */
    public void requireBranch(String org, String branch) {
        if (branches.find(org, branch).isEmpty()) throw new Rejected("branch", "no branch " + branch);
    }

    /** The claim the operator holds now: its outcome is not recorded and its call is still theirs. */
    private static Long openClaimOf(EntityManager em, String org, String operator) {
        return em.createQuery("select k.id from ClaimEntity k, CallEntity c where k.organisationId = :o"
                + " and k.operator = :op and k.outcome is null and c.id = k.callId and c.status = :claimed"
                + " and c.claimId = k.id order by k.id", Long.class)
            .setParameter("o", org).setParameter("op", operator).setParameter("claimed", CallEntity.CLAIMED)
            .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** The calls of the campaign the operator made that day: claims with an outcome, not those handed back. */
    private static long callsMadeToday(EntityManager em, String org, String operator, LocalDate day, long campaign) {
        return em.createQuery("select count(k.id) from ClaimEntity k where k.organisationId = :o and k.operator = :op"
                + " and k.day = :d and k.campaignId = :c and k.outcome is not null and k.outcome <> :abandoned",
                Long.class).setParameter("o", org).setParameter("op", operator).setParameter("d", day)
            .setParameter("c", campaign).setParameter("abandoned", ClaimEntity.ABANDONED).getSingleResult();
    }

    private static void mayRead(Caller caller, ClaimEntity k) {
        if (k.operator.equals(caller.actor())) return;
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        if (!caller.mayUseBranch(k.branch)) throw new NotFound("no claim " + k.id);
    }

    ZoneId zone(String org) {
        return organisations.find(org).map(Organisation::timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    /** The time zone of each of the organisation's branches (core fills in the organisation's where a branch has none). */
    Map<String, ZoneId> branchZones(String org) {
        ZoneId fallback = zone(org);
        Map<String, ZoneId> zones = new HashMap<>();
        for (Branch b : branches.list(org)) zones.put(b.code(), b.timeZone() == null ? fallback : ZoneId.of(b.timeZone()));
        return zones;
    }

    /** The branches the campaign calls for (none named: every branch) that are within its call hours at the moment. */
    static List<String> inCallHours(Campaign campaign, Map<String, ZoneId> zones, Instant moment) {
        if (!campaign.active()) return List.of();
        return (campaign.branches().isEmpty() ? zones.keySet() : campaign.branches()).stream()
            .filter(b -> zones.containsKey(b) && campaign.callHours().contains(moment.atZone(zones.get(b))))
            .sorted().toList();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

package org.bashgah.core.internal.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.internal.branch.Branches;
import org.bashgah.core.internal.rest.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Events;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.core.internal.CoreSettings;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.events.EventPublisher;
import org.bashgah.core.internal.security.Caller;
import org.bashgah.core.internal.security.Role;
import org.bashgah.core.internal.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Members and their aggregates. */
@Component(service = {MemberService.class, Members.class})
public class Members implements MemberService {
    public static final String DEFAULT_TIER = "BRONZE";
    private static final int PAGE = 500;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Database db;
    private final CoreSettings settings;
    private final EventPublisher events;

    @Activate
    public Members(@Reference Database db, @Reference CoreSettings settings, @Reference EventPublisher events) {
        this.db = db;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public Optional<Member> find(String organisationId, String memberId) {
        return db.read(em -> Optional.ofNullable(find(em, organisationId, memberId)).map(MemberEntity::toApi));
    }

    @Override
    public Optional<Member> findByPhone(String organisationId, String phone) {
        return PhoneNumbers.normalise(phone, settings.phoneRegion())
            .flatMap(e164 -> db.read(em -> Optional.ofNullable(findByPhone(em, organisationId, e164))))
            .map(MemberEntity::toApi);
    }

    @Override
    public MemberStats stats(String organisationId, String memberId) {
        return db.read(em -> {
            MemberEntity m = find(em, organisationId, memberId);
            if (m == null) throw new NotFound("no member " + memberId);
            return stats(em, m);
        });
    }

    @Override
    public void forEachMember(String organisationId, BiConsumer<Member, MemberStats> visitor) {
        String after = "";
        while (true) {
            String from = after;
            List<Map.Entry<Member, MemberStats>> page = db.read(em -> {
                List<MemberEntity> members = em.createQuery("select m from MemberEntity m where m.organisationId = :o"
                        + " and m.id > :after order by m.id", MemberEntity.class)
                    .setParameter("o", organisationId).setParameter("after", from).setMaxResults(PAGE).getResultList();
                if (members.isEmpty()) return List.of();
                Map<String, List<MemberCounterEntity>> counters = new HashMap<>();
                em.createQuery("select c from MemberCounterEntity c where c.memberId in :ids", MemberCounterEntity.class)
                    .setParameter("ids", members.stream().map(m -> m.id).toList()).getResultList()
                    .forEach(c -> counters.computeIfAbsent(c.memberId, k -> new java.util.ArrayList<>()).add(c));
                return members.stream().map(m -> Map.entry(m.toApi(), stats(m, counters.getOrDefault(m.id, List.of()))))
                    .toList();
            });
            if (page.isEmpty()) return;
            page.forEach(e -> visitor.accept(e.getKey(), e.getValue()));
            after = page.get(page.size() - 1).getKey().id();
            if (page.size() < PAGE) return;
        }
    }

    @Override
    public void setTier(String organisationId, String memberId, String tier, String actor) {
        if (tier == null || !tier.matches("[A-Z][A-Z0-9_]{0,31}")) throw new Rejected("tier", "must be an upper-case code");
        events.deliver(db.inTransaction(em -> {
            MemberEntity m = lock(em, organisationId, memberId);
            String before = m.tier;
            m.tier = tier;
            AuditLog.record(em, new Caller(organisationId, actor, Role.CHAIN_ADMIN, null, false), "member.tier",
                memberId, before + " -> " + tier);
            if (before.equals(tier)) return null;
            return events.record(em, Events.TIER_CHANGED, Map.of(Events.ORGANISATION, organisationId,
                Events.MEMBER, memberId, Events.TIER, tier, Events.PREVIOUS_TIER, before));
        }));
    }

    /** Joins a new member; a phone already in the club is a conflict naming the existing member. */
    public Member join(Caller caller, MemberRequest request) {
        String org = caller.organisationId();
        String phone = PhoneNumbers.normalise(request.phone(), settings.phoneRegion())
            .orElseThrow(() -> ProblemException.invalid("phone", "is not a valid phone number"));
        String branchCode = request.branch() == null ? caller.branch() : request.branch();
        Map.Entry<Member, EventPublisher.Pending> joined = db.inTransaction(em -> {
            MemberEntity existing = findByPhone(em, org, phone);
            if (existing != null) throw new Conflict("a member with phone " + phone + " exists", existing.id);
            if (branchCode != null) {
                Branches.requireActive(em, org, branchCode, "branch");
                caller.requireBranch(branchCode);
            }
            MemberEntity referrer = null;
            if (request.referrerPhone() != null) {
                referrer = resolve(em, org, request.referrerPhone(), settings.phoneRegion());
                if (referrer == null) throw new Rejected("referrerPhone", "no member " + request.referrerPhone());
            }
            MemberEntity m = new MemberEntity();
            m.id = UUID.randomUUID().toString();
            m.organisationId = org;
            m.phone = phone;
            m.name = request.name();
            m.birthDate = request.birthDate();
            m.tier = DEFAULT_TIER;
            m.joinedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            m.joinedBranch = branchCode;
            m.referrerId = referrer == null ? null : referrer.id;
            m.smsOptIn = Boolean.TRUE.equals(request.smsOptIn());
            if (request.tags() != null) m.setTags(request.tags());
            em.persist(m);
            AuditLog.record(em, caller, "member.join", m.id, phone);
            Map<String, Object> event = new HashMap<>();
            event.put(Events.ORGANISATION, org);
            event.put(Events.MEMBER, m.id);
            if (branchCode != null) event.put(Events.BRANCH, branchCode);
            if (referrer != null) event.put(Events.REFERRER, referrer.id);
            return Map.entry(m.toApi(), events.record(em, Events.MEMBER_JOINED, event));
        });
        events.deliver(joined.getValue());
        return joined.getKey();
    }

    @Override
    public Member join(String organisationId, String phone, String name, String actor) {
        // as the organisation's chain admin, so no branch binding applies; the audit log names the actor
        return join(new Caller(organisationId, actor, Role.CHAIN_ADMIN, null, false),
            new MemberRequest(phone, name, null, null, null, false, null));
    }

    /** Changes what a member may change about themselves: name, birth date, SMS opt-in. */
    public Member update(Caller caller, String memberId, MemberRequest request) {
        return db.inTransaction(em -> {
            MemberEntity m = lock(em, caller.organisationId(), memberId);
            StringBuilder changed = new StringBuilder();
            if (request.name() != null) {
                m.name = request.name();
                changed.append("name ");
            }
            if (request.birthDate() != null) {
                m.birthDate = request.birthDate();
                changed.append("birthDate ");
            }
            if (request.tags() != null) {
                m.setTags(request.tags());
                changed.append("tags=").append(m.tags == null ? "" : m.tags).append(' ');
            }
            if (request.smsOptIn() != null) {
                m.smsOptIn = request.smsOptIn();
                changed.append("smsOptIn=").append(m.smsOptIn);
            }
            AuditLog.record(em, caller, "member.update", m.id, changed.toString().trim());
            return m.toApi();
        });
    }

    public static MemberEntity find(EntityManager em, String organisationId, String memberId) {
        MemberEntity m = memberId == null ? null : em.find(MemberEntity.class, memberId);
        return m != null && m.organisationId.equals(organisationId) ? m : null;
    }

    public static MemberEntity findByPhone(EntityManager em, String organisationId, String e164) {
        return em.createQuery("select m from MemberEntity m where m.organisationId = :o and m.phone = :p",
                MemberEntity.class)
            .setParameter("o", organisationId).setParameter("p", e164).getResultStream().findFirst().orElse(null);
    }

    /**
     * Members whose name (ignoring case) or phone contains {@code text}, carrying {@code tag}, newest first.
     * Both filters scan the organisation's member rows: a console search, not a posting's lookup.
     */
    public static List<MemberEntity> search(EntityManager em, String organisationId, String text, String tag,
                                            int limit, int offset) {
        String q = text == null ? "" : text.strip();
        String digits = phoneDigits(q);
        StringBuilder jpql = new StringBuilder("select m from MemberEntity m where m.organisationId = :o");
        if (!q.isEmpty()) {
            jpql.append(" and (lower(m.name) like :name escape '\\'")
                .append(digits.isEmpty() ? "" : " or m.phone like :digits").append(')');
        }
        boolean tagged = tag != null && !tag.isEmpty();
        // tags are stored sorted and comma-separated, so ",vip," is inside ",a,vip,z," exactly when tagged vip
        if (tagged) jpql.append(" and concat(',', concat(m.tags, ',')) like :tag");
        jpql.append(" order by m.joinedAt desc, m.id");
        var query = em.createQuery(jpql.toString(), MemberEntity.class).setParameter("o", organisationId);
        if (!q.isEmpty()) {
            query.setParameter("name", "%" + likeEscaped(q.toLowerCase(java.util.Locale.ROOT)) + "%");
            if (!digits.isEmpty()) query.setParameter("digits", "%" + digits + "%");
        }
        if (tagged) query.setParameter("tag", "%," + tag + ",%");
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * The digits of {@code text} when it looks like (part of) a phone number — digits in any script, with
     * spaces, dashes, brackets or a plus — without a leading national 0; else "" (a name).
     */
    static String phoneDigits(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.isDigit(c) || " +-()".indexOf(c) >= 0)) return "";
        StringBuilder digits = new StringBuilder();
        text.chars().filter(Character::isDigit).forEach(c -> digits.append(Character.digit(c, 10)));
        return digits.toString().replaceFirst("^0+", "");
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Like {@link #resolve}, and takes the member's row lock (see {@link #lock}) in the same statement, so a
     * posting by phone reads the member once.
     */
    public static MemberEntity resolveLocked(EntityManager em, String organisationId, String reference,
                                             String region) {
        if (reference == null) return null;
        if (ID.matcher(reference).matches()) {
            MemberEntity m = em.find(MemberEntity.class, reference, LockModeType.PESSIMISTIC_WRITE);
            return m != null && m.organisationId.equals(organisationId) ? m : null;
        }
        return PhoneNumbers.normalise(reference, region).map(phone -> em.createNamedQuery(
                MemberEntity.LOCK_BY_PHONE, MemberEntity.class)
            .setParameter("o", organisationId).setParameter("p", phone)
            .getResultStream().findFirst().orElse(null)).orElse(null);
    }

    /** A member named by id or by phone (any accepted form), or null. */
    public static MemberEntity resolve(EntityManager em, String organisationId, String reference, String region) {
        if (reference == null) return null;
        if (ID.matcher(reference).matches()) return find(em, organisationId, reference);
        return PhoneNumbers.normalise(reference, region).map(p -> findByPhone(em, organisationId, p)).orElse(null);
    }

    /**
     * Locks the member's row until the transaction ends. Every posting for a member takes this lock
     * first, which serialises them: two redemptions racing for one balance run one after the other.
     */
    public static MemberEntity lock(EntityManager em, String organisationId, String memberId) {
        MemberEntity m = em.find(MemberEntity.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.organisationId.equals(organisationId)) throw new NotFound("no member " + memberId);
        return m;
    }

    public static MemberStats stats(EntityManager em, MemberEntity m) {
        var counters = MemberCounters.read(em, m.id);
        long average = m.visits == 0 ? 0 : m.totalSpend / m.visits;
        return new MemberStats(m.visits, m.totalSpend, average, m.firstVisit, m.lastVisit,
            counters.get(MemberCounterEntity.BRANCH), counters.get(MemberCounterEntity.GROUP));
    }

    private static MemberStats stats(MemberEntity m, List<MemberCounterEntity> counters) {
        Map<String, MemberStats.Counter> branches = new TreeMap<>();
        Map<String, MemberStats.Counter> groups = new TreeMap<>();
        for (MemberCounterEntity c : counters) {
            var counter = new MemberStats.Counter(c.visits, c.amount, c.lastAt);
            (MemberCounterEntity.BRANCH.equals(c.dimension) ? branches : groups).put(c.counterKey, counter);
        }
        long average = m.visits == 0 ? 0 : m.totalSpend / m.visits;
        return new MemberStats(m.visits, m.totalSpend, average, m.firstVisit, m.lastVisit, branches, groups);
    }

    /**
     * The member's stats as a posting's contributors see them: aggregates from the locked row, counters read
     * only if a contributor looks at them. {@link #countPurchase} ends the time they may be read.
     */
    public static PostingStats postingStats(EntityManager em, MemberEntity m) {
        var counters = new MemberCounters.Lazy(em, m.id);
        long average = m.visits == 0 ? 0 : m.totalSpend / m.visits;
        return new PostingStats(new MemberStats(m.visits, m.totalSpend, average, m.firstVisit, m.lastVisit,
            counters.branches(), counters.productGroups()), counters);
    }

    /** A member's stats before a posting, with the counters behind them. */
    public record PostingStats(MemberStats stats, MemberCounters.Lazy counters) {
    }

    /** Counts a purchase into the member's aggregates (the member's row is locked by the caller). */
    public static void countPurchase(EntityManager em, MemberEntity m, PostingStats before, String branch,
                                     Instant at, long amount, List<PurchaseLine> lines) {
        before.counters().seal();
        m.visits += 1;
        m.totalSpend += amount;
        if (m.firstVisit == null || at.isBefore(m.firstVisit)) m.firstVisit = at;
        if (m.lastVisit == null || at.isAfter(m.lastVisit)) m.lastVisit = at;
        List<MemberCounters.Change> changes = new ArrayList<>();
        changes.add(new MemberCounters.Change(MemberCounterEntity.BRANCH, branch, 1, amount));
        Map<String, Long> perGroup = new TreeMap<>();
        for (PurchaseLine line : lines) perGroup.merge(line.productGroup(), line.amount(), Long::sum);
        perGroup.forEach((group, sum) -> changes.add(new MemberCounters.Change(MemberCounterEntity.GROUP, group, 1, sum)));
        MemberCounters.add(em, m.id, at, changes);
    }

    /**
     * Takes refunded money out of the aggregates; the visit itself still happened. {@code purchasedAt} is the
     * refunded purchase's time, the last visit of a counter that has to be created (one the purchase should have).
     */
    public static void countRefund(EntityManager em, MemberEntity m, String branch, Instant purchasedAt, long amount,
                                   Map<String, Long> perGroup) {
        m.totalSpend -= amount;
        List<MemberCounters.Change> changes = new ArrayList<>();
        changes.add(new MemberCounters.Change(MemberCounterEntity.BRANCH, branch, 0, -amount));
        perGroup.forEach((group, sum) -> changes.add(new MemberCounters.Change(MemberCounterEntity.GROUP, group, 0, -sum)));
        MemberCounters.add(em, m.id, purchasedAt, changes);
    }
}

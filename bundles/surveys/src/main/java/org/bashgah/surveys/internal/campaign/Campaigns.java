package org.bashgah.surveys.internal.campaign;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.bashgah.surveys.internal.questionnaire.Questionnaires;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Campaigns: created and changed by chain admins (audited), read by the queue for every purchase event, which
 * is why an organisation's active ones are kept per node for {@link #ACTIVE_SECONDS} seconds (a change on this
 * node is seen at once, on another within those seconds).
 */
@Component(service = Campaigns.class)
public class Campaigns {
    static final int ACTIVE_SECONDS = 10;

    private final SurveysDatabase db;
    private final Questionnaires questionnaires;
    private final BranchService branches;
    private final AuditTrail audit;
    private final CampaignSegments segments;
    private final Cache<String, List<Campaign>> active = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(ACTIVE_SECONDS)).maximumSize(10_000).build();

    @Activate
    public Campaigns(@Reference SurveysDatabase db, @Reference Questionnaires questionnaires,
                     @Reference BranchService branches, @Reference AuditTrail audit,
                     @Reference CampaignSegments segments) {
        this.db = db;
        this.questionnaires = questionnaires;
        this.branches = branches;
        this.audit = audit;
        this.segments = segments;
    }

    public Campaign create(Caller caller, Campaign campaign) {
        check(caller.organisationId(), campaign, null);
        Campaign created = db.inTransaction(em -> {
            CampaignEntity e = new CampaignEntity();
            e.organisationId = caller.organisationId();
            e.set(campaign);
            stamp(e, caller);
            em.persist(e);
            em.flush();
            return e.toApi();
        });
        active.invalidate(caller.organisationId());
        audit.record(caller, "surveys.campaign.create", String.valueOf(created.id()), describe(created));
        return created;
    }

    /** Lays {@code change} over the campaign as it is now, under its row lock. */
    public Campaign change(Caller caller, long id, java.util.function.Function<Campaign, Campaign> change) {
        Campaign changed = db.inTransaction(em -> {
            CampaignEntity e = find(em, caller.organisationId(), id, LockModeType.PESSIMISTIC_WRITE);
            Campaign before = e.toApi();
            Campaign next = change.apply(before);
            check(caller.organisationId(), next, before.segment());
            e.set(next);
            stamp(e, caller);
            return e.toApi();
        });
        active.invalidate(caller.organisationId());
        audit.record(caller, "surveys.campaign.update", String.valueOf(id), describe(changed));
        return changed;
    }

    public Campaign get(String organisationId, long id) {
        return db.read(em -> find(em, organisationId, id, LockModeType.NONE).toApi());
    }

    public List<Campaign> list(String organisationId) {
        return db.read(em -> em.createQuery("select c from CampaignEntity c where c.organisationId = :o order by c.id",
            CampaignEntity.class).setParameter("o", organisationId).getResultStream().map(CampaignEntity::toApi).toList());
    }

    /** The organisation's active campaigns, oldest first: the order in which they may take a purchase. */
    public List<Campaign> active(String organisationId) {
        return active.get(organisationId, org -> db.read(em -> em.createQuery("select c from CampaignEntity c"
                + " where c.organisationId = :o and c.active = :t order by c.id", CampaignEntity.class)
            .setParameter("o", org).setParameter("t", true).getResultStream().map(CampaignEntity::toApi).toList()));
    }

    /**
     * The rules a campaign's references must keep: its questionnaire, branches and segment exist. A segment is
     * checked when it is set, so a campaign aimed at one can still be paused or changed while reports is away.
     */
    private void check(String org, Campaign c, String segmentBefore) {
        if (c.segment() != null && !c.segment().equals(segmentBefore)) segments.check(org, c.segment());
        if (!questionnaires.exists(org, c.questionnaire())) {
            throw new Rejected("questionnaire", "no questionnaire " + c.questionnaire());
        }
        List<String> unknown = c.branches().stream().filter(b -> branches.find(org, b).isEmpty()).toList();
        if (!unknown.isEmpty()) throw new Rejected("branches", "no branch " + String.join(", ", unknown));
    }

    /** A campaign inside another transaction of the surveys (the call queue's). */
    public static Campaign byId(EntityManager em, long id) {
        return em.find(CampaignEntity.class, id).toApi();
    }

    static CampaignEntity find(EntityManager em, String org, long id, LockModeType lock) {
        CampaignEntity e = em.find(CampaignEntity.class, id, lock);
        if (e == null || !e.organisationId.equals(org)) throw new NotFound("no campaign " + id);
        return e;
    }

    private static void stamp(CampaignEntity e, Caller caller) {
        e.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        e.changedBy = caller.actor();
    }

    private static String describe(Campaign c) {
        return c.name() + ", questionnaire " + c.questionnaire() + (c.active() ? "" : ", paused") + ", branches "
            + (c.branches().isEmpty() ? "all" : String.join(" ", c.branches())) + ", " + c.samplePercent() + "% after "
            + c.delayHours() + " h, " + c.callFrom() + "-" + c.callUntil()
            + (c.segment() == null ? "" : ", segment " + c.segment());
    }
}

package org.bashgah.surveys.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.persistence.LockModeType;
import org.bashgah.core.api.JobClaims;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.bashgah.surveys.internal.SurveysSettings;
import org.bashgah.surveys.internal.answer.FollowUps;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.campaign.Campaigns;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue run of a campaign as of a moment: what makes calls callable, and only then. In order:
 * <ol>
 *   <li>claims older than {@code claim.timeoutMinutes} that nobody finished go back (the claim is marked
 *       {@code ABANDONED}): into the queue within call hours, else to wait;</li>
 *   <li>calls still to be made whose purchase is more than the campaign's {@code giveUpAfterDays} old expire;</li>
 *   <li>at the branches within the campaign's call hours (each in its branch's time zone), the calls that are due
 *       join the queue; at the others, or while the campaign is paused, unclaimed calls leave it again (they stay
 *       due);</li>
 *   <li>responses whose completion was never announced (a crash between commit and announcement) are announced.</li>
 * </ol>
 * It runs every {@code queue.run.intervalMinutes} for every campaign, on the one node that claims the slot
 * ({@link JobClaims}), and on demand as of any moment ({@code POST /api/v1/surveys/campaigns/{id}/run},
 * {@code bashgah:surveys-run}): a test sets the clock with it. Every step is a conditional update, so a run
 * repeated, or racing claims and outcomes, changes each call at most once.
 */
@Component(service = QueueRuns.class, immediate = true)
public class QueueRuns {
    private static final Logger LOG = LoggerFactory.getLogger(QueueRuns.class);

    private final SurveysDatabase db;
    private final Campaigns campaigns;
    private final CallQueue queue;
    private final OrganisationService organisations;
    private final SurveysSettings settings;
    private final JobClaims claims;
    private final FollowUps followUps;
    /** The last slot this node looked at (only the timer's thread reads and writes it). */
    private long lastSlot = -1;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bashgah-surveys-queue");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public QueueRuns(@Reference SurveysDatabase db, @Reference Campaigns campaigns, @Reference CallQueue queue,
                     @Reference OrganisationService organisations, @Reference SurveysSettings settings,
                     @Reference JobClaims claims, @Reference FollowUps followUps) {
        this.db = db;
        this.campaigns = campaigns;
        this.queue = queue;
        this.organisations = organisations;
        this.settings = settings;
        this.claims = claims;
        this.followUps = followUps;
        timer.scheduleWithFixedDelay(this::runScheduled, 1, 1, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /**
     * What a run did; {@code inCallHours}: at one or more of the campaign's branches, {@code branchesInCallHours}
     * those branches.
     */
    public record RunResult(long campaign, Instant asOf, boolean inCallHours, List<String> branchesInCallHours,
                            int queued, int unqueued, int abandoned, int expired, int announced) {
    }

    /** Runs the campaign's queue as of {@code asOf}; see the class comment. */
    public RunResult run(String organisationId, long campaignId, Instant asOf) {
        Campaign campaign = campaigns.get(organisationId, campaignId);
        Instant moment = asOf.truncatedTo(ChronoUnit.MILLIS);
        ZoneId zone = queue.zone(organisationId);
        List<String> open = CallQueue.inCallHours(campaign, queue.branchZones(organisationId), moment);

        Instant staleBefore = moment.minus(settings.claimTimeout());
        List<Long> stale = db.read(em -> em.createQuery("select c.id from CallEntity c where c.campaignId = :c"
                + " and c.status = :claimed and c.claimedAt < :before", Long.class).setParameter("c", campaignId)
            .setParameter("claimed", CallEntity.CLAIMED).setParameter("before", staleBefore).getResultList());
        int abandoned = 0;
        for (Long id : stale) {
            boolean returned = db.inTransaction(em -> {
                CallEntity call = em.find(CallEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (!CallEntity.CLAIMED.equals(call.status) || !call.claimedAt.isBefore(staleBefore)) return false;
                ClaimEntity k = call.claimId == null ? null
                    : em.find(ClaimEntity.class, call.claimId, LockModeType.PESSIMISTIC_WRITE);
                if (k != null && k.outcome == null) {
                    k.outcome = ClaimEntity.ABANDONED;
                    k.outcomeAt = moment;
                }
                boolean callable = open.contains(call.branch);
                call.status = callable ? CallEntity.QUEUED : CallEntity.PENDING;
                call.queuedAt = callable ? moment : null;
                return true;
            });
            if (returned) abandoned++;
        }

        Instant tooOld = moment.minus(Duration.ofDays(campaign.giveUpAfterDays()));
        LocalDate day = LocalDate.ofInstant(moment, zone);
        int expired = db.inTransaction(em -> em.createQuery("update CallEntity c set c.status = :expired,"
                + " c.outcome = :expired, c.closedAt = :at, c.closedDay = :day, c.closedBy = :by"
                + " where c.campaignId = :c and c.status in :waiting and c.purchasedAt < :tooOld")
            .setParameter("expired", CallEntity.EXPIRED).setParameter("at", moment).setParameter("day", day)
            .setParameter("by", CallQueue.SYSTEM).setParameter("c", campaignId)
            .setParameter("waiting", List.of(CallEntity.PENDING, CallEntity.QUEUED)).setParameter("tooOld", tooOld)
            .executeUpdate());

        int queued = 0;
        if (!open.isEmpty()) {
            queued = db.inTransaction(em -> em.createQuery("update CallEntity c set c.status = :queued, c.queuedAt = :at"
                    + " where c.campaignId = :c and c.status = :pending and c.dueAt <= :at and c.branch in :open")
                .setParameter("queued", CallEntity.QUEUED).setParameter("at", moment).setParameter("c", campaignId)
                .setParameter("pending", CallEntity.PENDING).setParameter("open", open).executeUpdate());
        }
        int unqueued = db.inTransaction(em -> {
            var leave = em.createQuery("update CallEntity c set c.status = :pending, c.queuedAt = null"
                    + " where c.campaignId = :c and c.status = :queued" + (open.isEmpty() ? "" : " and c.branch not in :open"))
                .setParameter("pending", CallEntity.PENDING).setParameter("c", campaignId)
                .setParameter("queued", CallEntity.QUEUED);
            if (!open.isEmpty()) leave.setParameter("open", open);
            return leave.executeUpdate();
        });
        // announced within a couple of minutes of the answer as a rule; older ones were missed
        int announced = followUps.announceMissed(organisationId, campaignId, Instant.now().minus(Duration.ofMinutes(2)));
        RunResult result = new RunResult(campaignId, moment, !open.isEmpty(), open, queued, unqueued, abandoned, expired,
            announced);
        if (queued + unqueued + abandoned + expired + announced > 0) LOG.info("Surveys queue run: {}", result);
        return result;
    }

    /** Runs every campaign of the organisation as of {@code asOf}. */
    public List<RunResult> runAll(String organisationId, Instant asOf) {
        return campaigns.list(organisationId).stream().map(c -> run(organisationId, c.id(), asOf)).toList();
    }

    /** Every minute: runs when a new slot of {@code queue.run.intervalMinutes} has begun and this node claims it. */
    private void runScheduled() {
        try {
            SurveysSettings.Config config = settings.config();
            if (!config.queue_run_enabled()) return;
            long interval = Math.max(1, config.queue_run_intervalMinutes());
            Instant now = Instant.now();
            long slot = now.getEpochSecond() / 60 / interval;
            if (slot == lastSlot) return;
            lastSlot = slot;
            // one node of a cluster runs each slot: the one that claims it
            if (!claims.claim("surveys.queue-run", Instant.ofEpochSecond(slot * interval * 60).toString())) return;
            for (Organisation org : organisations.list()) {
                try {
                    runAll(org.id(), now);
                } catch (RuntimeException e) {
                    LOG.warn("Surveys queue run of {} failed; it runs again in {} minutes: {}", org.code(), interval,
                        e.toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Surveys queue run failed: {}", e.toString());
        }
    }
}

package org.bashgah.credit.internal.tier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bashgah.core.api.JobClaims;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews tiers once a day at {@code tiers.review.hour}, in every organisation, as of that moment; on demand
 * through {@code POST /api/v1/credit/tiers/review} and {@code bashgah:credit-tier-review}. A review run twice
 * (or on two nodes) for about the same moment reviews each member once: see {@link TierStandings#review}.
 */
@Component(service = TierReviewRuns.class, immediate = true, configurationPid = "org.bashgah.credit")
public class TierReviewRuns {
    private static final Logger LOG = LoggerFactory.getLogger(TierReviewRuns.class);

    private final TierStandings standings;
    private final OrganisationService organisations;
    private final TierReviewConfiguration config;
    private final JobClaims claims;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bashgah-credit-tier-review");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public TierReviewRuns(@Reference TierStandings standings, @Reference OrganisationService organisations,
                          TierReviewConfiguration config, @Reference JobClaims claims) {
        this.standings = standings;
        this.organisations = organisations;
        this.config = config;
        this.claims = claims;
        scheduleNext();
    }

    @Deactivate
    void stop() {
        daily.shutdownNow();
    }

    /** Reviews, in one organisation, every member whose review date is at or before {@code asOf}. */
    public TierStandings.ReviewRun run(String organisationId, Instant asOf) {
        return standings.review(organisationId, asOf);
    }

    private void scheduleNext() {
        if (!config.tiers_review_enabled()) return;
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime next = now.toLocalDate().atTime(Math.floorMod(config.tiers_review_hour(), 24), 0);
        if (!next.isAfter(now)) next = next.plusDays(1);
        daily.schedule(this::runDaily, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runDaily() {
        try {
            Instant now = Instant.now();
            // one node of a cluster runs it: the one that claims today's review
            if (!claims.claim("credit.tier-review", java.time.LocalDate.now().toString())) return;
            for (Organisation org : organisations.list()) {
                try {
                    run(org.id(), now);
                } catch (RuntimeException e) {
                    LOG.warn("Daily tier review of {} failed; it runs again tomorrow: {}", org.code(), e.toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Daily tier review failed; it runs again tomorrow: {}", e.toString());
        } finally {
            if (!daily.isShutdown()) scheduleNext();
        }
    }
}

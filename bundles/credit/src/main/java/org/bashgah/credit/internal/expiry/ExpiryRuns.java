package org.bashgah.credit.internal.expiry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bashgah.core.api.JobClaims;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.credit.internal.CreditSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires credit and points whose lots reach their date: once a day at {@code expiry.hour}, and on demand
 * ({@code POST /api/v1/credit/expiry/run}, {@code bashgah:credit-expire}). Each expiring lot gets an
 * {@code EXPIRE} entry; nothing is deleted, and a second run for the same moment expires nothing more.
 */
@Component(service = ExpiryRuns.class, immediate = true)
public class ExpiryRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryRuns.class);

    private final LedgerService ledger;
    private final OrganisationService organisations;
    private final CreditSettings settings;
    private final JobClaims claims;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bashgah-credit-expiry");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ExpiryRuns(@Reference LedgerService ledger, @Reference OrganisationService organisations,
                      @Reference CreditSettings settings, @Reference JobClaims claims) {
        this.ledger = ledger;
        this.organisations = organisations;
        this.settings = settings;
        this.claims = claims;
        scheduleNext();
    }

    @Deactivate
    void stop() {
        daily.shutdownNow();
    }

    /** Expires, in one organisation, everything due at {@code asOf}. */
    public LedgerService.ExpiryRun run(String organisationId, Instant asOf, String actor) {
        LedgerService.ExpiryRun run = ledger.expire(organisationId, asOf, actor);
        if (run.lots() > 0) LOG.info("Expired {} lots ({} in all) of organisation {} as of {}", run.lots(), run.amount(),
            organisationId, asOf);
        return run;
    }

    private void scheduleNext() {
        if (!settings.config().expiry_enabled()) return;
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime next = now.toLocalDate().atTime(Math.floorMod(settings.config().expiry_hour(), 24), 0);
        if (!next.isAfter(now)) next = next.plusDays(1);
        long delay = Duration.between(now, next).toMillis();
        daily.schedule(this::runDaily, delay, TimeUnit.MILLISECONDS);
    }

    private void runDaily() {
        try {
            Instant now = Instant.now();
            // one node of a cluster runs it: the one that claims today's run
            if (!claims.claim("credit.expiry", java.time.LocalDate.now().toString())) return;
            for (Organisation org : organisations.list()) run(org.id(), now, "system:expiry");
        } catch (RuntimeException e) {
            LOG.warn("Daily expiry run failed; it runs again tomorrow: {}", e.toString());
        } finally {
            if (!daily.isShutdown()) scheduleNext();
        }
    }

}

package org.bashgah.offers.internal.targeting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bashgah.offers.internal.ChainAdminCaller;
import org.bashgah.core.api.JobClaims;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.offers.internal.OffersSettings;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.offer.OfferView;
import org.bashgah.offers.internal.offer.Offers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a day at {@code targeting.hour}, a targeting run of every active one-time offer whose targeting schedule is
 * {@code DAILY}: members who have come into its audience since get it. One node of a cluster runs each offer's
 * daily run (claimed through the database).
 */
@Component(service = DailyTargeting.class, immediate = true)
public class DailyTargeting {
    private static final Logger LOG = LoggerFactory.getLogger(DailyTargeting.class);

    private final Offers offers;
    private final Targeting targeting;
    private final OrganisationService organisations;
    private final JobClaims claims;
    private final OffersSettings settings;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bashgah-offers-daily");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DailyTargeting(@Reference Offers offers, @Reference Targeting targeting,
                          @Reference OrganisationService organisations, @Reference JobClaims claims,
                          @Reference OffersSettings settings) {
        this.offers = offers;
        this.targeting = targeting;
        this.organisations = organisations;
        this.claims = claims;
        this.settings = settings;
        scheduleNext();
    }

    @Deactivate
    void stop() {
        daily.shutdownNow();
    }

    private void scheduleNext() {
        if (!settings.config().targeting_enabled()) return;
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime next = now.toLocalDate().atTime(Math.floorMod(settings.config().targeting_hour(), 24), 0);
        if (!next.isAfter(now)) next = next.plusDays(1);
        daily.schedule(this::runDaily, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runDaily() {
        try {
            String today = LocalDate.now().toString();
            for (Organisation org : organisations.list()) {
                for (OfferView offer : offers.list(org.id(), OfferView.ACTIVE)) {
                    OfferDefinition d = offer.definition();
                    if (!d.oneTime() || !OfferDefinition.Targeting.DAILY.equals(d.targeting().schedule())) continue;
                    if (!claims.claim("offers.targeting:" + offer.id(), today)) continue;
                    targeting.start(new ChainAdminCaller(org.id(), "system:targeting"), offer.id(), null, null);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Daily targeting failed; it runs again tomorrow: {}", e.toString());
        } finally {
            if (!daily.isShutdown()) scheduleNext();
        }
    }
}

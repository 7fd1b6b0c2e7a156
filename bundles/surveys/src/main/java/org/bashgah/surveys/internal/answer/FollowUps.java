package org.bashgah.surveys.internal.answer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bashgah.core.api.Events;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Tells the other capabilities what a completed survey asks of them, after the response is committed:
 * {@link Events#SURVEY_COMPLETED} (credit pays the policy's survey points, once per {@code ref}), and for a low
 * score {@link Events#SURVEY_LOW_SCORE} and, when the campaign names an apology offer,
 * {@link Events#OFFER_GRANT_REQUESTED} (offers grants it, once per {@code ref}). Without those capabilities nobody
 * listens and nothing happens.
 *
 * <p>The events are sent synchronously (the listeners have paid and granted when {@code sendEvent} returns) and
 * only then is the response marked announced; the queue run (every minute) announces again those a crash left
 * unmarked. The listeners are idempotent by {@code ref}, so announcing twice pays and grants once: together that
 * is "exactly once" across restarts. (Posting them asynchronously, as before, lost them when the process died
 * after the mark and before the delivery.)
 */
@Component(service = FollowUps.class)
public class FollowUps {
    private final SurveysDatabase db;
    private final EventAdmin events;

    @Activate
    public FollowUps(@Reference SurveysDatabase db, @Reference EventAdmin events) {
        this.db = db;
        this.events = events;
    }

    /** Sends the events of a committed response, then marks it announced. */
    public void announce(ResponseEntity response, AlertEntity alert) {
        Map<String, Object> base = new HashMap<>();
        base.put(Events.ORGANISATION, response.organisationId);
        base.put(Events.MEMBER, response.memberId);
        base.put(Events.BRANCH, response.branch);
        base.put(Events.REF, response.ref());
        events.sendEvent(new Event(Events.SURVEY_COMPLETED, base));
        if (alert != null) {
            Map<String, Object> low = new HashMap<>(base);
            low.put(Events.SCORE, alert.score);
            events.sendEvent(new Event(Events.SURVEY_LOW_SCORE, low));
            if (alert.apologyOffer != null) {
                Map<String, Object> grant = new HashMap<>(base);
                grant.put(Events.OFFER, alert.apologyOffer);
                grant.put(Events.REF, "survey-apology:" + response.id);
                events.sendEvent(new Event(Events.OFFER_GRANT_REQUESTED, grant));
            }
        }
        db.inTransaction(em -> em.createQuery("update ResponseEntity r set r.announcedAt = :now"
                + " where r.id = :id and r.announcedAt is null")
            .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MILLIS)).setParameter("id", response.id)
            .executeUpdate());
    }

    /** Announces again the campaign's responses answered before {@code before} that are not marked announced. */
    public int announceMissed(String organisationId, long campaignId, Instant before) {
        List<ResponseEntity> missed = db.read(em -> em.createQuery("select r from ResponseEntity r"
                + " where r.organisationId = :o and r.campaignId = :c and r.announcedAt is null and r.answeredAt < :before"
                + " order by r.id", ResponseEntity.class)
            .setParameter("o", organisationId).setParameter("c", campaignId).setParameter("before", before)
            .setMaxResults(500).getResultList());
        for (ResponseEntity r : missed) {
            AlertEntity alert = db.read(em -> em.createQuery("select a from AlertEntity a where a.responseId = :r",
                AlertEntity.class).setParameter("r", r.id).getResultStream().findFirst().orElse(null));
            announce(r, alert);
        }
        return missed.size();
    }
}

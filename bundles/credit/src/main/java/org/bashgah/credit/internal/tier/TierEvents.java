package org.bashgah.credit.internal.tier;

import java.time.Instant;
import org.bashgah.core.api.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tallies tiers are measured by, from core's purchase events: a posted purchase counts its
 * earned points and its amount once (then the member may move up at once); a refund takes its amount off
 * the purchase's spend. Standing never depends on the member's balance, only on what they earned or spent.
 */
// topics as a plain property: @EventTopics would require an osgi.implementation capability Karaf's EventAdmin lacks
@Component(service = EventHandler.class, property = {
    EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_POSTED,
    EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_REFUNDED})
public class TierEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TierEvents.class);

    private final TierStandings standings;

    @Activate
    public TierEvents(@Reference TierStandings standings) {
        this.standings = standings;
    }

    @Override
    public void handleEvent(Event event) {
        String org = (String) event.getProperty(Events.ORGANISATION);
        String memberId = (String) event.getProperty(Events.MEMBER);
        String purchaseId = (String) event.getProperty(Events.PURCHASE);
        try {
            switch (event.getTopic()) {
                case Events.PURCHASE_POSTED -> {
                    // counted on the day it was made (a till may post offline purchases later)
                    Object at = event.getProperty(Events.AT);
                    Instant made = at == null ? Instant.now() : Instant.parse(at.toString());
                    standings.countPurchase(org, memberId, (String) event.getProperty(Events.TIER), purchaseId,
                        number(event, Events.EARNED_POINTS), number(event, Events.AMOUNT), made, Instant.now());
                }
                case Events.PURCHASE_REFUNDED -> standings.refund(org, purchaseId, number(event, Events.AMOUNT));
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not count {} of purchase {} towards member {}'s tier: {}", event.getTopic(), purchaseId,
                memberId, e.toString());
        }
    }

    private static long number(Event event, String property) {
        Object value = event.getProperty(property);
        return value instanceof Number n ? n.longValue() : 0;
    }
}

package org.bashgah.offers.internal.targeting;

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

/** Grants a one-time offer when another capability asks for it ({@link Events#OFFER_GRANT_REQUESTED}). */
// the topic as a plain property: @EventTopics would require an osgi.implementation capability Karaf's EventAdmin lacks
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + Events.OFFER_GRANT_REQUESTED)
public class GrantRequests implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GrantRequests.class);

    private final Targeting targeting;

    @Activate
    public GrantRequests(@Reference Targeting targeting) {
        this.targeting = targeting;
    }

    @Override
    public void handleEvent(Event event) {
        Object org = event.getProperty(Events.ORGANISATION);
        Object member = event.getProperty(Events.MEMBER);
        Object offer = event.getProperty(Events.OFFER);
        Object ref = event.getProperty(Events.REF);
        if (!(org instanceof String) || !(member instanceof String) || !(offer instanceof String)
            || !(ref instanceof String r) || r.isBlank() || r.length() > 100) {
            LOG.warn("Offer grant request without organisation, member, offer or ref (at most 100 characters): {}", event);
            return;
        }
        targeting.grantOnRequest((String) org, (String) offer, (String) member, r, Instant.now());
    }
}

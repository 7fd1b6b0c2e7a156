package org.bashgah.surveys.internal.queue;

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
 * Fills the call queue from core's purchase events (after the purchase is committed, off the till's request):
 * see {@link CallQueue#enqueue}. A redelivered event queues nothing more.
 */
// topics as a plain property: @EventTopics would require an osgi.implementation capability Karaf's EventAdmin lacks
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_POSTED)
public class PurchaseEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseEvents.class);

    private final CallQueue queue;

    @Activate
    public PurchaseEvents(@Reference CallQueue queue) {
        this.queue = queue;
    }

    @Override
    public void handleEvent(Event event) {
        String purchase = (String) event.getProperty(Events.PURCHASE);
        try {
            Object at = event.getProperty(Events.AT);
            queue.enqueue(new CallQueue.Purchase((String) event.getProperty(Events.ORGANISATION),
                (String) event.getProperty(Events.MEMBER), purchase, (String) event.getProperty(Events.BRANCH),
                number(event, Events.AMOUNT), number(event, Events.VISITS),
                at == null ? Instant.now() : Instant.parse(at.toString()), (String) event.getProperty(Events.TIER)));
        } catch (RuntimeException e) {
            LOG.warn("Could not queue a happy call for purchase {}: {}", purchase, e.toString());
        }
    }

    private static long number(Event event, String property) {
        return event.getProperty(property) instanceof Number n ? n.longValue() : 0;
    }
}

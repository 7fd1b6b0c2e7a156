package org.bashgah.partners.internal;

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
 * After core commits a purchase: partner credit for it ({@link CrossCredit#earn}) and lottery tickets
 * ({@link Lotteries#enter}). Both are keyed by the purchase, so a redelivered event adds nothing. After a refund:
 * the refunded share of that partner credit is taken back ({@link CrossCredit#reverse}) and so are the lottery
 * tickets it paid for, while the lottery is not drawn ({@link Lotteries#refund}).
 */
// topics as a plain property: @EventTopics would require an osgi.implementation capability Karaf's EventAdmin lacks
@Component(service = EventHandler.class, property = {EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_POSTED,
    EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_REFUNDED})
public class PurchaseEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseEvents.class);

    private final CrossCredit credit;
    private final Lotteries lotteries;

    @Activate
    public PurchaseEvents(@Reference CrossCredit credit, @Reference Lotteries lotteries) {
        this.credit = credit;
        this.lotteries = lotteries;
    }

    @Override
    public void handleEvent(Event event) {
        if (Events.PURCHASE_REFUNDED.equals(event.getTopic())) {
            refunded(event);
            return;
        }
        Object at = event.getProperty(Events.AT);
        var purchase = new CrossCredit.Purchase((String) event.getProperty(Events.ORGANISATION),
            (String) event.getProperty(Events.MEMBER), (String) event.getProperty(Events.PURCHASE),
            (String) event.getProperty(Events.BRANCH),
            event.getProperty(Events.AMOUNT) instanceof Number n ? n.longValue() : 0,
            at == null ? Instant.now() : Instant.parse(at.toString()));
        try {
            credit.earn(purchase);
        } catch (RuntimeException e) {
            LOG.warn("Could not issue partner credit for purchase {}: {}", purchase.purchaseId(), e.toString());
        }
        try {
            lotteries.enter(purchase);
        } catch (RuntimeException e) {
            LOG.warn("Could not enter purchase {} in the lotteries: {}", purchase.purchaseId(), e.toString());
        }
    }

    private void refunded(Event event) {
        var refund = new CrossCredit.Refund((String) event.getProperty(Events.ORGANISATION),
            (String) event.getProperty(Events.PURCHASE), number(event, Events.PURCHASE_AMOUNT),
            number(event, Events.TOTAL_REFUNDED));
        try {
            credit.reverse(refund);
        } catch (RuntimeException e) {
            LOG.warn("Could not take back partner credit for refunded purchase {}: {}", refund.purchaseId(), e.toString());
        }
        try {
            lotteries.refund(refund);
        } catch (RuntimeException e) {
            LOG.warn("Could not take back lottery tickets of refunded purchase {}: {}", refund.purchaseId(), e.toString());
        }
    }

    private static long number(Event event, String property) {
        return event.getProperty(property) instanceof Number n ? n.longValue() : 0;
    }
}

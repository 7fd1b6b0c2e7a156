package org.bashgah.credit.internal.tier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bashgah.core.api.Events;
import org.bashgah.credit.internal.tier.TierStandings.PurchaseCount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
 *
 * <p>Events wait up to {@link #BATCH_MILLIS} in a queue and are counted together, one transaction a batch
 * ({@link TierStandings#countPurchases}); refunds keep their place in the queue, so a refund never comes
 * before the count of its purchase. What is queued when the server stops is counted before it stops; what is
 * queued when the process dies is delivered again when it starts (core keeps its events until
 * 10 s after delivery), and counted once: a purchase by its id, a refund by the purchase's total refunded.
 */
// topics as a plain property: @EventTopics would require an osgi.implementation capability Karaf's EventAdmin lacks
@Component(service = EventHandler.class, property = {
    EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_POSTED,
    EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_REFUNDED})
public class TierEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TierEvents.class);
    /** How long a posted purchase may wait to be counted with others: well below a member's next visit. */
    static final long BATCH_MILLIS = 200;
    private static final int BATCH_SIZE = 500;
    /** When counting falls this far behind, event delivery waits for it instead of holding more in memory. */
    private static final int QUEUE_LIMIT = 20_000;

    private final TierStandings standings;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bashgah-tier-tallies");
        thread.setDaemon(true);
        return thread;
    });

    /** A refund to take off its purchase's spend: what of the purchase is refunded, this refund included. */
    private record Refund(String organisationId, String purchaseId, long totalRefunded) {
    }

    @Activate
    public TierEvents(@Reference TierStandings standings) {
        this.standings = standings;
        counter.scheduleWithFixedDelay(this::countQueued, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        counter.shutdown();
        if (!counter.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("Tier tallies still being counted at stop");
        countQueued();
    }

    @Override
    public void handleEvent(Event event) {
        String org = (String) event.getProperty(Events.ORGANISATION);
        String purchaseId = (String) event.getProperty(Events.PURCHASE);
        Object item = switch (event.getTopic()) {
            // counted on the day it was made (a till may post offline purchases later)
            case Events.PURCHASE_POSTED -> new PurchaseCount(org, (String) event.getProperty(Events.MEMBER),
                (String) event.getProperty(Events.TIER), purchaseId, number(event, Events.EARNED_POINTS),
                number(event, Events.AMOUNT), made(event));
            case Events.PURCHASE_REFUNDED -> new Refund(org, purchaseId, number(event, Events.TOTAL_REFUNDED));
            default -> null;
        };
        if (item == null) return;
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Could not queue {} of purchase {} for its member's tier: interrupted", event.getTopic(), purchaseId);
        }
    }

    /** Counts what is queued, a batch at a time; consecutive purchases in one transaction, refunds in order. */
    private void countQueued() {
        try {
            List<Object> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH_SIZE) > 0) {
                List<PurchaseCount> purchases = new ArrayList<>();
                for (Object item : batch) {
                    if (item instanceof PurchaseCount count) {
                        purchases.add(count);
                    } else if (item instanceof Refund refund) {
                        count(purchases);
                        purchases.clear();
                        refund(refund);
                    }
                }
                count(purchases);
                batch.clear();
            }
        } catch (RuntimeException e) {
            // never let an exception end the scheduled counting
            LOG.warn("Counting tier tallies failed: {}", e.toString());
        }
    }

    private void count(List<PurchaseCount> purchases) {
        if (purchases.isEmpty()) return;
        try {
            standings.countPurchases(purchases, Instant.now());
        } catch (RuntimeException batchFailed) {
            // one at a time, so that one purchase that cannot be counted does not keep the others out
            for (PurchaseCount c : purchases) {
                try {
                    standings.countPurchases(List.of(c), Instant.now());
                } catch (RuntimeException e) {
                    LOG.warn("Could not count purchase {} towards member {}'s tier: {}", c.purchaseId(), c.memberId(),
                        e.toString());
                }
            }
        }
    }

    private void refund(Refund refund) {
        try {
            standings.refund(refund.organisationId(), refund.purchaseId(), refund.totalRefunded());
        } catch (RuntimeException e) {
            LOG.warn("Could not take the refund of purchase {} off its member's tier: {}", refund.purchaseId(),
                e.toString());
        }
    }

    private static Instant made(Event event) {
        Object at = event.getProperty(Events.AT);
        return at == null ? Instant.now() : Instant.parse(at.toString());
    }

    private static long number(Event event, String property) {
        Object value = event.getProperty(property);
        return value instanceof Number n ? n.longValue() : 0;
    }
}

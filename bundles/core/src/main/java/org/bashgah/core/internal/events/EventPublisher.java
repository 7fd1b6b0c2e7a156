package org.bashgah.core.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.persistence.EntityManager;
import org.bashgah.core.api.Events;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.db.TimeOrderedIds;
import org.bashgah.core.internal.health.Readiness;
import org.bashgah.core.internal.rest.JsonProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's events (topics in {@link Events}), delivered at least once, and never for a change that was rolled back.
 * {@link #record} writes the event into {@code core_event_outbox} in the transaction of the change it announces, so
 * the event exists exactly when the change does; {@link #deliver}, called after the commit, hands it to EventAdmin
 * on one of a few delivery threads (a member's events always on the same one, in order). The row stays until
 * {@link #GRACE} after its handlers returned, for handlers that finish their work a little later (credit counts tier
 * tallies in batches of 0.2 s); then it is deleted.
 *
 * <p>Rows left by a process that died are delivered when a node starts, once every installed capability is running
 * (so their handlers are there), and every minute any node delivers rows older than {@link #STALE} (a node that
 * never came back, or events that did not fit the delivery queue). Handlers are idempotent, so an event delivered
 * twice, by a restart within the grace period or by two nodes, changes nothing twice.
 */
@Component(service = EventPublisher.class)
public class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofMinutes(5);
    /** How long a starting node waits for the server to be ready before it delivers what was left anyway. */
    private static final Duration READY_WAIT = Duration.ofMinutes(2);
    private static final int LANES = 4;
    /** Events waiting per delivery thread; beyond that they wait in the table for the sweep. */
    private static final int LANE_QUEUE = 10_000;
    private static final int PAGE = 200;
    private static final int MAX_PROPERTIES_CHARS = 4000;

    /** An event written in a transaction, to {@link #deliver} once that transaction committed. */
    public record Pending(String id, String topic, Map<String, Object> properties) {
    }

    private record Delivered(String id, long atNanos) {
    }

    private final EventAdmin eventAdmin;
    private final Database db;
    private final BundleContext context;
    private final Instant activatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
        r -> thread(r, "bashgah-events-sweep"));
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
        r -> thread(r, "bashgah-events-clean"));
    private final ConcurrentLinkedQueue<Delivered> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicLong leftToSweep = new AtomicLong();
    private volatile boolean running = true;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile JaxrsServiceRuntime jaxrs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime components;

    @Activate
    public EventPublisher(@Reference EventAdmin eventAdmin, @Reference Database db, BundleContext context) {
        this.eventAdmin = eventAdmin;
        this.db = db;
        this.context = context;
        for (int i = 0; i < LANES; i++) {
            String name = "bashgah-events-" + (i + 1);
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(LANE_QUEUE),
                r -> thread(r, name));
        }
        sweeper.execute(this::deliverWhatWasLeft);
        sweeper.scheduleWithFixedDelay(this::sweepStale, 60, 60, TimeUnit.SECONDS);
        cleaner.scheduleWithFixedDelay(this::deleteDelivered, 1, 1, TimeUnit.SECONDS);
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        sweeper.shutdownNow();
        for (ExecutorService lane : lanes) lane.shutdown();
        for (ExecutorService lane : lanes) {
            if (!lane.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("Events still being delivered at stop");
        }
        cleaner.shutdown();
        cleaner.awaitTermination(10, TimeUnit.SECONDS);
        // what is still within its grace period stays, and is delivered again at the next start
        deleteDelivered();
    }

    /**
     * Writes the event in the caller's transaction. Properties are text, whole numbers (delivered as longs) and
     * booleans.
     */
    public Pending record(EntityManager em, String topic, Map<String, ?> properties) {
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((name, value) -> copy.put(name, checked(topic, name, value)));
        OutboxEventEntity row = new OutboxEventEntity();
        row.id = TimeOrderedIds.next();
        row.topic = topic;
        row.properties = encode(copy);
        if (row.properties.length() > MAX_PROPERTIES_CHARS) {
            throw new IllegalArgumentException("event " + topic + " is too large to keep: " + row.properties.length());
        }
        row.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        em.persist(row);
        return new Pending(row.id, topic, copy);
    }

    static Object checked(String topic, String name, Object value) {
        if (value instanceof String || value instanceof Boolean) return value;
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("event " + topic + " property " + name + " is "
            + (value == null ? "null" : value.getClass().getName()) + ", not text, a whole number or a boolean");
    }

    static String encode(Map<String, Object> properties) {
        try {
            return JsonProvider.mapper().writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event properties cannot be written as JSON", e);
        }
    }

    static Map<String, Object> decode(String json) throws JsonProcessingException {
        Map<String, Object> properties = new LinkedHashMap<>();
        JsonNode node = JsonProvider.mapper().readTree(json);
        if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            Object value;
            if (v.isTextual()) value = v.asText();
            else if (v.isIntegralNumber()) value = v.longValue();
            else if (v.isBoolean()) value = v.booleanValue();
            else throw new IllegalArgumentException("property " + e.getKey() + " is " + v.getNodeType());
            properties.put(e.getKey(), value);
        });
        return properties;
    }

    /**
     * What the outbox holds: its rows, the oldest one's time (null when empty), and how many of them this node
     * delivered and keeps for {@link #GRACE}; the others wait for delivery (here or on another node).
     */
    public record Backlog(long rows, Instant oldest, int deliveredKept) {
    }

    public Backlog backlog() {
        Object[] row = db.read(em -> (Object[]) em.createQuery(
            "select count(e), min(e.createdAt) from OutboxEventEntity e").getSingleResult());
        return new Backlog(((Number) row[0]).longValue(), (Instant) row[1], delivered.size());
    }

    /** Hands a committed transaction's event to its member's delivery thread; null (nothing recorded) is ignored. */
    public void deliver(Pending pending) {
        if (pending == null) return;
        ExecutorService lane = lanes[Math.floorMod(Objects.hashCode(pending.properties().get(Events.MEMBER)), LANES)];
        try {
            lane.execute(() -> deliverNow(pending.id(), pending.topic(), pending.properties()));
        } catch (RejectedExecutionException full) {
            // the row stays and the sweep delivers it; the caller's change is committed either way
            leftToSweep.incrementAndGet();
        }
    }

    private void deliverNow(String id, String topic, Map<String, Object> properties) {
        try {
            eventAdmin.sendEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("Event {} {} could not be delivered: {}", topic, id, e.toString());
        }
        delivered.add(new Delivered(id, System.nanoTime()));
    }

    /** At start: what an earlier process wrote and may not have delivered, once the server is ready for it. */
    private void deliverWhatWasLeft() {
        long started = System.nanoTime();
        long deadline = started + READY_WAIT.toNanos();
        boolean told = false;
        List<String> awaited = awaitedNow();
        while (!awaited.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException stopping) {
                return;
            }
            if (!running) return;
            awaited = awaitedNow();
            if (!told && !awaited.isEmpty() && System.nanoTime() - started > READY_WAIT.toNanos() / 4) {
                // a start this slow is worth a line: the events' handlers (tier tallies, surveys) wait with it
                LOG.warn("Events left by an earlier run wait for the server to be ready, at most {} s more: {}",
                    (deadline - System.nanoTime()) / 1_000_000_000L, awaited);
                told = true;
            }
        }
        if (!awaited.isEmpty()) {
            LOG.warn("Delivering the events left by an earlier run without waiting longer for: {}", awaited);
        }
        int count = deliverWrittenBefore(activatedAt);
        if (count > 0) LOG.info("Delivered {} events written before this start (at least once; handlers are idempotent)", count);
    }

    /**
     * What the server still waits for. While bundles start and stop, reading their components or the JAX-RS
     * runtime can fail; that counts as not ready yet, since an exception here would end the delivery of what an
     * earlier run left (an executor's task dies silently) until the sweep finds it minutes later.
     */
    private List<String> awaitedNow() {
        try {
            return new Readiness(context, jaxrs, components).awaited();
        } catch (RuntimeException changing) {
            return List.of("a readiness check that failed: " + changing);
        }
    }

    private void sweepStale() {
        long skipped = leftToSweep.getAndSet(0);
        int count = deliverWrittenBefore(Instant.now().minus(STALE));
        if (count > 0 || skipped > 0) {
            LOG.warn("Delivered {} events older than {} minutes ({} did not fit the delivery queue since the last sweep)",
                count, STALE.toMinutes(), skipped);
        }
    }

    /** Delivers, oldest first on this thread, the rows written before {@code cutoff}; returns how many. */
    int deliverWrittenBefore(Instant cutoff) {
        Instant afterAt = Instant.EPOCH;
        String afterId = "";
        int count = 0;
        while (running) {
            Instant at = afterAt;
            String id = afterId;
            List<OutboxEventEntity> page;
            try {
                page = db.read(em -> em.createQuery("select e from OutboxEventEntity e where e.createdAt < :cutoff"
                        + " and (e.createdAt > :at or (e.createdAt = :at and e.id > :id))"
                        + " order by e.createdAt, e.id", OutboxEventEntity.class)
                    .setParameter("cutoff", cutoff).setParameter("at", at).setParameter("id", id)
                    .setMaxResults(PAGE).getResultList());
            } catch (RuntimeException e) {
                LOG.warn("Could not read the events waiting for delivery: {}", e.toString());
                return count;
            }
            for (OutboxEventEntity row : page) {
                try {
                    deliverNow(row.id, row.topic, decode(row.properties));
                    count++;
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    LOG.error("Event {} {} cannot be read and is dropped: {} ({})", row.topic, row.id, row.properties,
                        e.getMessage());
                    delivered.add(new Delivered(row.id, System.nanoTime() - GRACE.toNanos()));
                }
            }
            if (page.size() < PAGE) break;
            OutboxEventEntity last = page.get(page.size() - 1);
            afterAt = last.createdAt;
            afterId = last.id;
        }
        return count;
    }

    /** Deletes the rows whose delivery ended more than {@link #GRACE} ago. */
    private void deleteDelivered() {
        long cutoff = System.nanoTime() - GRACE.toNanos();
        List<String> ids = new ArrayList<>();
        for (Delivered head = delivered.peek(); head != null && head.atNanos() - cutoff <= 0; head = delivered.peek()) {
            ids.add(delivered.poll().id());
        }
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PAGE));
            try {
                db.inTransaction(em -> em.createQuery("delete from OutboxEventEntity e where e.id in :ids")
                    .setParameter("ids", chunk).executeUpdate());
            } catch (RuntimeException e) {
                // the rows stay and are delivered again by a sweep: a repeat, never a loss
                LOG.warn("Could not delete {} delivered events: {}", chunk.size(), e.toString());
            }
        }
    }
}

package org.bashgah.partners.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to remote partners. What a message reports (an agreement proposed, a consent, partner credit issued, a
 * settlement line) and the message are written in one transaction ({@link #enqueue}); this component then delivers
 * them signed, oldest first per remote, at once and again every {@code remote.retrySeconds} until the remote takes
 * each (2xx). A remote that cannot be reached, answers 401 (it may not have registered us yet, or our clocks
 * differ) or fails (5xx) keeps its messages waiting, in order; a 4xx refusal is final and kept with its answer.
 * The receiver handles every message idempotently, so a message delivered twice (its answer lost) does nothing twice.
 */
@Component(service = Outbox.class, immediate = true)
public class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnersDatabase db;
    private final Remotes remotes;
    private final PartnersSettings settings;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bashgah-partners-outbox");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public Outbox(@Reference PartnersDatabase db, @Reference Remotes remotes, @Reference PartnersSettings settings) {
        this.db = db;
        this.remotes = remotes;
        this.settings = settings;
        executor.execute(this::deliverAndReschedule);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** Writes a message for the remote partner in the caller's transaction; {@link #deliverSoon} after it commits. */
    static void enqueue(EntityManager em, RemoteEntity remote, String kind, Map<String, Object> fields) {
        OutboxEntity o = new OutboxEntity();
        o.remoteId = remote.id;
        o.kind = kind;
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", kind);
        body.putAll(fields);
        try {
            o.body = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        o.createdAt = Instant.now();
        em.persist(o);
    }

    /** Delivers what is waiting now, on the outbox's own thread (the caller does not wait for the remote). */
    public void deliverSoon() {
        try {
            executor.execute(this::deliver);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // deactivated: the next start delivers it
        }
    }

    private void deliverAndReschedule() {
        try {
            deliver();
        } finally {
            if (!executor.isShutdown()) {
                executor.schedule(this::deliverAndReschedule, Math.max(1, settings.config().remote_retrySeconds()),
                    TimeUnit.SECONDS);
            }
        }
    }

    /** One pass: every remote's waiting messages in order, stopping at the first it does not take. */
    void deliver() {
        try {
            List<Long> waiting = db.read(em -> em.createQuery("select distinct o.remoteId from OutboxEntity o"
                + " where o.deliveredAt is null and o.refusedAt is null", Long.class).getResultList());
            for (long remoteId : waiting) deliver(remoteId);
        } catch (RuntimeException e) {
            LOG.warn("Could not deliver messages to remote partners: {}", e.toString());
        }
    }

    private void deliver(long remoteId) {
        RemoteEntity remote = db.read(em -> em.find(RemoteEntity.class, remoteId));
        if (remote == null) return;
        List<OutboxEntity> pending = db.read(em -> em.createQuery("select o from OutboxEntity o where o.remoteId = :r"
                + " and o.deliveredAt is null and o.refusedAt is null order by o.id", OutboxEntity.class)
            .setParameter("r", remoteId).setMaxResults(100).getResultList());
        for (OutboxEntity message : pending) {
            Remotes.Sent sent = remotes.deliver(remote, message.body);
            int status = sent.status();
            boolean taken = status >= 200 && status < 300;
            boolean refused = status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
            db.inTransaction(em -> {
                OutboxEntity o = em.find(OutboxEntity.class, message.id);
                o.attempts++;
                o.lastAnswer = abbreviate(status + " " + sent.answer());
                if (taken) o.deliveredAt = Instant.now();
                if (refused) o.refusedAt = Instant.now();
                return o;
            });
            if (refused) LOG.warn("Remote partner {} refused message {} ({}): {}", remote.code, message.id, message.kind,
                sent.answer());
            if (!taken && !refused) return; // later, in order
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** A message as shown to the chain admin: what it was, whether the remote took it, its last answer. */
    public record Message(long id, String kind, String body, Instant createdAt, int attempts, String state,
                          String lastAnswer) {
    }

    /** The last 100 messages to a remote partner of ours, newest first. */
    public List<Message> list(Caller caller, String code) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return db.read(em -> {
            RemoteEntity r = Remotes.ofCode(em, caller.organisationId(), code);
            if (r == null) throw new NotFound("no remote partner " + code);
            return em.createQuery("select o from OutboxEntity o where o.remoteId = :r order by o.id desc",
                    OutboxEntity.class).setParameter("r", r.id).setMaxResults(100).getResultList().stream()
                .map(o -> new Message(o.id, o.kind, o.body, o.createdAt, o.attempts,
                    o.deliveredAt != null ? "DELIVERED" : o.refusedAt != null ? "REFUSED" : "WAITING", o.lastAnswer))
                .toList();
        });
    }

    /** A remote partner's outbox at a glance, for operators (the shell). */
    public record Summary(String organisationId, String code, String url, long delivered, long waiting, long refused,
                          Instant oldestWaiting, String lastAnswer) {
    }

    public List<Summary> summaries() {
        return db.read(em -> em.createQuery("select r from RemoteEntity r order by r.organisationId, r.code",
            RemoteEntity.class).getResultList().stream().map(r -> {
                List<OutboxEntity> all = em.createQuery("select o from OutboxEntity o where o.remoteId = :r order by o.id",
                    OutboxEntity.class).setParameter("r", r.id).getResultList();
                List<OutboxEntity> waiting = all.stream().filter(o -> o.deliveredAt == null && o.refusedAt == null)
                    .toList();
                return new Summary(r.organisationId, r.code, r.url, all.stream().filter(o -> o.deliveredAt != null)
                    .count(), waiting.size(), all.stream().filter(o -> o.refusedAt != null).count(),
                    waiting.isEmpty() ? null : waiting.get(0).createdAt,
                    waiting.isEmpty() ? null : waiting.get(0).lastAnswer);
            }).toList());
    }
}

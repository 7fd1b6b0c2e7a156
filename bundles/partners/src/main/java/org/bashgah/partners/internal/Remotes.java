package org.bashgah.partners.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Partners on other Bashgah servers: each side registers the other with the same key id and shared secret
 * (agreed out of band). Requests between them are signed ({@link Signatures}); a request whose timestamp is stale
 * or whose nonce was seen before is refused, so a captured request cannot be sent again.
 */
@Component(service = Remotes.class)
public class Remotes {
    /** Where a Bashgah server takes signed requests from its remote partners (outside /api: no bearer token). */
    public static final String MESSAGES_PATH = "/partner-link/v1/messages";

    private final PartnersDatabase db;
    private final PartnersSettings settings;
    private final AuditTrail audit;
    private final OrganisationService organisations;

    @Activate
    public Remotes(@Reference PartnersDatabase db, @Reference PartnersSettings settings, @Reference AuditTrail audit,
                   @Reference OrganisationService organisations) {
        this.db = db;
        this.settings = settings;
        this.audit = audit;
        this.organisations = organisations;
    }

    public record RemoteRequest(String code, String name, String url, String keyId, String secret) {
    }

    /** A remote partner as shown: never its secret. */
    public record Remote(long id, String code, String name, String url, String keyId, Instant createdAt) {
        static Remote of(RemoteEntity e) {
            return new Remote(e.id, e.code, e.name, e.url, e.keyId, e.createdAt);
        }
    }

    public Remote register(Caller caller, RemoteRequest r) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        if (r == null) throw Problems.noBody();
        new Validation().require("code", r.code()).code("code", r.code())
            .require("name", r.name()).name("name", r.name(), 200)
            .require("url", r.url()).text("url", r.url(), 500)
            .check(r.url() == null || r.url().matches("https?://[^\\s/?#]+(/[^\\s?#]*)?"), "url",
                "must be an http or https address such as https://club.example.com")
            .require("keyId", r.keyId()).code("keyId", r.keyId())
            .require("secret", r.secret()).text("secret", r.secret(), 200)
            .check(r.secret() == null || r.secret().length() >= 32, "secret", "must be at least 32 characters")
            .throwIfInvalid();
        // a code names a partner in requests: an organisation of this server with it would hide the remote one
        if (organisations.list().stream().anyMatch(o -> o.code().equals(r.code()))) {
            throw new Conflict("an organisation of this server has the code " + r.code() + ": choose another", null);
        }
        RemoteEntity saved = db.inTransaction(em -> {
            boolean taken = !em.createQuery("select r from RemoteEntity r where (r.organisationId = :o and r.code = :c)"
                    + " or r.keyId = :k", RemoteEntity.class).setParameter("o", caller.organisationId())
                .setParameter("c", r.code()).setParameter("k", r.keyId()).getResultList().isEmpty();
            if (taken) throw new Conflict("a remote partner with code " + r.code() + " or key id " + r.keyId()
                + " exists", null);
            RemoteEntity e = new RemoteEntity();
            e.organisationId = caller.organisationId();
            e.code = r.code();
            e.name = r.name().strip();
            e.url = r.url().replaceAll("/+$", "");
            e.keyId = r.keyId();
            e.secret = r.secret();
            e.createdAt = Instant.now();
            em.persist(e);
            return e;
        });
        audit.record(caller, "partners.remote.register", r.code(), r.url());
        return Remote.of(saved);
    }

    public List<Remote> list(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return db.read(em -> em.createQuery("select r from RemoteEntity r where r.organisationId = :o order by r.code",
            RemoteEntity.class).setParameter("o", caller.organisationId()).getResultList().stream().map(Remote::of)
            .toList());
    }

    private RemoteEntity own(EntityManager em, Caller caller, String code) {
        return em.createQuery("select r from RemoteEntity r where r.organisationId = :o and r.code = :c",
                RemoteEntity.class).setParameter("o", caller.organisationId()).setParameter("c", code).getResultList()
            .stream().findFirst().orElseThrow(() -> new NotFound("no remote partner " + code));
    }

    // ------------------------------------------------------------------------------------------- inbound

    /** Why a signed request was refused; each is a 401 with this detail. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    public record Message(long id, String kind, String body, Instant receivedAt) {
    }

    /**
     * Checks a signed request and keeps its message: the key must be known, the timestamp fresh, the signature
     * right, the nonce new. The nonce is stored in the same transaction as the message, so of two copies of one
     * request racing each other exactly one is taken.
     */
    public Message receive(String method, String path, String keyId, String timestamp, String nonce, String signature,
                           byte[] body, String kind) {
        if (keyId == null || timestamp == null || nonce == null || signature == null) {
            throw new Refused("the request is not signed: X-Bashgah-Key, -Timestamp, -Nonce and -Signature are required");
        }
        if (!nonce.matches("[A-Za-z0-9_-]{16,64}")) throw new Refused("X-Bashgah-Nonce must be 16-64 letters or digits");
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Refused("X-Bashgah-Timestamp must be epoch seconds");
        }
        long skew = settings.config().signature_maxSkewSeconds();
        long now = Instant.now().getEpochSecond();
        if (Math.abs(now - at) > skew) {
            throw new Refused("stale request: X-Bashgah-Timestamp is more than " + skew + " seconds from our clock");
        }
        RemoteEntity remote = db.read(em -> byKey(em, keyId)).orElseThrow(() -> new Refused("unknown key " + keyId));
        if (!Signatures.matches(remote.secret, method, path, at, nonce, body, signature)) {
            throw new Refused("the signature does not match the request (tampered, or signed with another secret)");
        }
        try {
            return db.inTransaction(em -> {
                boolean seen = !em.createQuery("select n from NonceEntity n where n.keyId = :k and n.nonce = :n",
                    NonceEntity.class).setParameter("k", keyId).setParameter("n", nonce).getResultList().isEmpty();
                if (seen) throw new Refused("replayed request: this nonce was used before");
                NonceEntity n = new NonceEntity();
                n.keyId = keyId;
                n.nonce = nonce;
                n.seenAt = Instant.now();
                em.persist(n);
                // nonces older than twice the window can no longer come with a fresh timestamp
                em.createQuery("delete from NonceEntity n where n.seenAt < :old")
                    .setParameter("old", Instant.now().minusSeconds(2 * skew)).executeUpdate();
                RemoteMessageEntity m = new RemoteMessageEntity();
                m.remoteId = remote.id;
                m.kind = kind;
                m.body = new String(body, StandardCharsets.UTF_8);
                m.receivedAt = Instant.now();
                em.persist(m);
                em.flush(); // the id is given by the database
                return new Message(m.id, m.kind, m.body, m.receivedAt);
            });
        } catch (javax.persistence.PersistenceException e) {
            // the unique nonce key: a copy of this request was taken a moment before
            throw new Refused("replayed request: this nonce was used before");
        }
    }

    private static Optional<RemoteEntity> byKey(EntityManager em, String keyId) {
        return em.createQuery("select r from RemoteEntity r where r.keyId = :k", RemoteEntity.class)
            .setParameter("k", keyId).getResultList().stream().findFirst();
    }

    /** The messages a remote partner of ours sent, newest first. */
    public List<Message> messages(Caller caller, String code) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return db.read(em -> {
            RemoteEntity r = own(em, caller, code);
            return em.createQuery("select m from RemoteMessageEntity m where m.remoteId = :r order by m.id desc",
                    RemoteMessageEntity.class).setParameter("r", r.id).setMaxResults(100).getResultList().stream()
                .map(m -> new Message(m.id, m.kind, m.body, m.receivedAt)).toList();
        });
    }

    // ------------------------------------------------------------------------------------------- outbound

    public record Sent(String partner, String url, int status, String answer) {
    }

    /** Sends a signed message to a remote partner and reports its answer (a refusal there is reported, not thrown). */
    public Sent send(Caller caller, String code, String json) {
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        RemoteEntity r = db.read(em -> own(em, caller, code));
        Sent sent = deliver(r, json);
        if (sent.status() > 0) audit.record(caller, "partners.remote.send", code, "HTTP " + sent.status());
        return sent;
    }

    /** Signs and sends a message to the remote partner; status 0 when it could not be reached. */
    Sent deliver(RemoteEntity r, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Hashes.randomHex(16);
        String path = URI.create(r.url).getPath() + MESSAGES_PATH;
        int timeout = settings.config().remote_timeoutSeconds();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeout)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(r.url + MESSAGES_PATH))
            .timeout(Duration.ofSeconds(timeout))
            .header("Content-Type", "application/json")
            .header(Signatures.KEY, r.keyId)
            .header(Signatures.TIMESTAMP, String.valueOf(timestamp))
            .header(Signatures.NONCE, nonce)
            .header(Signatures.SIGNATURE, Signatures.sign(r.secret, "POST", path, timestamp, nonce, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sent(r.code, r.url, answer.statusCode(), answer.body());
        } catch (java.io.IOException e) {
            return new Sent(r.code, r.url, 0, "not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(r.code, r.url, 0, "interrupted");
        }
    }

    /** The remote partner that signs with this key, if any. */
    Optional<RemoteEntity> byKeyId(String keyId) {
        return db.read(em -> byKey(em, keyId));
    }

    // ------------------------------------------------------------------------------------------- parties

    /** A remote partner stands in agreements, issues and settlement lines as this organisation id. */
    static final String PARTY_PREFIX = "remote:";

    static String party(RemoteEntity r) {
        return PARTY_PREFIX + r.id;
    }

    static boolean isRemote(String organisationId) {
        return organisationId != null && organisationId.startsWith(PARTY_PREFIX);
    }

    /** The remote partner behind a party id ({@link #party}), or null for an organisation of this server. */
    static RemoteEntity ofParty(EntityManager em, String organisationId) {
        if (!isRemote(organisationId)) return null;
        try {
            return em.find(RemoteEntity.class, Long.parseLong(organisationId.substring(PARTY_PREFIX.length())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Our organisation's remote partner with this code, or null. */
    static RemoteEntity ofCode(EntityManager em, String organisationId, String code) {
        return em.createQuery("select r from RemoteEntity r where r.organisationId = :o and r.code = :c",
                RemoteEntity.class).setParameter("o", organisationId).setParameter("c", code).getResultList()
            .stream().findFirst().orElse(null);
    }
}

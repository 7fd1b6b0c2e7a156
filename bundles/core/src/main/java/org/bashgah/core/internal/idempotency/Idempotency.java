package org.bashgah.core.internal.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.internal.rest.JsonProvider;
import org.bashgah.core.internal.security.Secrets;

/**
 * Idempotency keys: the first answer to a key is stored in the same transaction as what it wrote, and
 * every later request with that key gets the stored answer. A key reused for a different request is a
 * conflict, not a silent replay.
 */
public final class Idempotency {
    private Idempotency() {
    }

    /** A stored answer, and the id of what the first request made. */
    public record Replay(String resultId, JsonNode response) {
    }

    /** A fingerprint of the request, to tell a true retry from a reused key. */
    public static String fingerprint(Object request) {
        try {
            return Secrets.sha256(JsonProvider.mapper().writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be written as JSON", e);
        }
    }

    /** The stored answer for the key, or empty; a conflict when the key was used for another request. */
    public static Optional<Replay> find(EntityManager em, String organisationId, String key, String operation,
                                        String fingerprint) {
        IdempotencyEntity row = em.find(IdempotencyEntity.class, new IdempotencyEntity.Key(organisationId, key));
        if (row == null) return Optional.empty();
        if (!row.operation.equals(operation) || !row.requestHash.equals(fingerprint)) {
            throw new Conflict("idempotency key " + key + " was already used for a different request", row.resultId);
        }
        try {
            return Optional.of(new Replay(row.resultId, JsonProvider.mapper().readTree(row.response)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer for key " + key + " is not JSON", e);
        }
    }

    public static void remember(EntityManager em, String organisationId, String key, String operation,
                                String fingerprint, String resultId, Object response) {
        IdempotencyEntity row = new IdempotencyEntity();
        row.organisationId = organisationId;
        row.key = key;
        row.operation = operation;
        row.requestHash = fingerprint;
        row.resultId = resultId;
        try {
            row.response = JsonProvider.mapper().writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
        row.createdAt = Instant.now();
        em.persist(row);
    }
}

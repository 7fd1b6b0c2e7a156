package org.bashgah.offers.internal.offer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManager;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.offers.internal.OffersDatabase;
import org.bashgah.offers.internal.OffersSettings;
import org.bashgah.offers.internal.rules.Audience;
import org.bashgah.offers.internal.rules.OfferSegments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The offers of every organisation: stored as JSON definitions, changed only by chain admins (audited), and
 * the active ones kept in memory per organisation for the purchase path, indexed by branch.
 */
@Component(service = Offers.class)
public class Offers {
    /** Definitions stored as JSON; unknown fields are ignored so an older node reads a newer definition. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final OffersDatabase db;
    private final OffersSettings settings;
    private final AuditTrail audit;
    private final BranchService branches;
    private final OfferSegments segments;
    private final Map<String, ActiveOffers> cache = new ConcurrentHashMap<>();

    @Activate
    public Offers(@Reference OffersDatabase db, @Reference OffersSettings settings, @Reference AuditTrail audit,
                  @Reference BranchService branches, @Reference OfferSegments segments) {
        this.db = db;
        this.settings = settings;
        this.audit = audit;
        this.branches = branches;
        this.segments = segments;
    }

    /** The organisation's saved segments of bashgah-reports, for the audiences' {@code inSegment}. */
    public Audience.SegmentMembers segments(String organisationId) {
        return segments.of(organisationId);
    }

    /**
     * A well-formed definition that names only the organisation's branches and segments (else 422 naming the first
     * unknown).
     */
    private void check(String org, OfferDefinition definition) {
        OfferValidation.check(definition);
        for (int i = 0; i < definition.branches().size(); i++) {
            String code = definition.branches().get(i);
            if (branches.find(org, code).isEmpty()) throw new Rejected("branches[" + i + "]", "no branch " + code);
        }
        segments.check(org, "audience", definition.audience());
    }

    public OfferView create(Caller caller, OfferDefinition definition) {
        check(caller.organisationId(), definition);
        OfferView created = db.inTransaction(em -> {
            OfferEntity e = new OfferEntity();
            e.id = UUID.randomUUID().toString();
            e.organisationId = caller.organisationId();
            e.status = OfferView.DRAFT;
            e.createdAt = now();
            e.createdBy = caller.actor();
            write(e, definition, caller);
            em.persist(e);
            return view(e);
        });
        audit.record(caller, "offers.create", created.id(), definition.name());
        return created;
    }

    public OfferView update(Caller caller, String id, OfferDefinition definition) {
        check(caller.organisationId(), definition);
        OfferView updated = db.inTransaction(em -> {
            OfferEntity e = require(em, caller.organisationId(), id);
            if (!e.kind.equals(definition.kind())) {
                throw new Rejected("kind", "an offer's kind cannot change; make a new offer");
            }
            write(e, definition, caller);
            return view(e);
        });
        cache.remove(caller.organisationId());
        audit.record(caller, "offers.update", id, definition.name());
        return updated;
    }

    /** Moves the offer to {@code status} (DRAFT, ACTIVE or PAUSED). */
    public OfferView setStatus(Caller caller, String id, String status) {
        OfferView changed = db.inTransaction(em -> {
            OfferEntity e = require(em, caller.organisationId(), id);
            e.status = status;
            e.changedAt = now();
            e.changedBy = caller.actor();
            return view(e);
        });
        cache.remove(caller.organisationId());
        audit.record(caller, "offers.status", id, status);
        return changed;
    }

    public OfferView find(String org, String id) {
        return db.read(em -> view(require(em, org, id)));
    }

    public List<OfferView> list(String org, String status) {
        return db.read(em -> {
            var query = em.createQuery("select o from OfferEntity o where o.organisationId = :o"
                + (status == null ? "" : " and o.status = :s") + " order by o.createdAt, o.id", OfferEntity.class)
                .setParameter("o", org);
            if (status != null) query.setParameter("s", status);
            return query.getResultList().stream().map(Offers::view).toList();
        });
    }

    /** The organisation's active offers, from memory when read within {@code cache.seconds}. */
    public ActiveOffers active(String org) {
        ActiveOffers current = cache.get(org);
        Instant now = Instant.now();
        if (current != null && current.loadedAt().plusSeconds(settings.config().cache_seconds()).isAfter(now)) {
            return current;
        }
        List<ActiveOffers.Active> active = list(org, OfferView.ACTIVE).stream()
            .map(v -> new ActiveOffers.Active(v.id(), v.definition())).toList();
        ActiveOffers loaded = ActiveOffers.of(now, active);
        cache.put(org, loaded);
        return loaded;
    }

    static OfferEntity require(EntityManager em, String org, String id) {
        OfferEntity e = id == null ? null : em.find(OfferEntity.class, id);
        if (e == null || !e.organisationId.equals(org)) throw new NotFound("no offer " + id);
        return e;
    }

    private static void write(OfferEntity e, OfferDefinition d, Caller caller) {
        try {
            String json = JSON.writeValueAsString(d);
            if (json.length() > 16000) throw new Rejected("audience", "the offer is too large to store (16,000 characters)");
            e.definition = json;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write offer definition", ex);
        }
        e.name = d.name();
        e.kind = d.kind();
        e.changedAt = now();
        e.changedBy = caller.actor();
    }

    static OfferView view(OfferEntity e) {
        return new OfferView(e.id, e.status, definitionOf(e), e.createdAt, e.createdBy, e.changedAt, e.changedBy);
    }

    static OfferDefinition definitionOf(OfferEntity e) {
        try {
            return JSON.readValue(e.definition, OfferDefinition.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("offer " + e.id + " has an unreadable definition", ex);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

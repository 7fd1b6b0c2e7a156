package org.bashgah.core.internal.organisation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The organisations hosted by this server. An organisation's row never changes once created, and every
 * purchase (and several of its contributors) needs it, so lookups by id are kept in memory for a minute.
 */
@Component(service = {OrganisationService.class, Organisations.class})
public class Organisations implements OrganisationService {
    private final Database db;
    private final Cache<String, Organisation> byId = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    @Activate
    public Organisations(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<Organisation> list() {
        return db.read(em -> em.createQuery("select o from OrganisationEntity o order by o.createdAt",
            OrganisationEntity.class).getResultList().stream().map(OrganisationEntity::toApi).toList());
    }

    @Override
    public Optional<Organisation> find(String organisationId) {
        if (organisationId == null) return Optional.empty();
        Organisation cached = byId.getIfPresent(organisationId);
        if (cached != null) return Optional.of(cached);
        // an unknown id is not remembered: it may be created a moment later
        Optional<Organisation> found = db.read(em -> Optional.ofNullable(em.find(OrganisationEntity.class,
            organisationId)).map(OrganisationEntity::toApi));
        found.ifPresent(o -> byId.put(organisationId, o));
        return found;
    }

    /** The organisation, or {@link NotFound}. */
    public Organisation require(String organisationId) {
        return find(organisationId).orElseThrow(() -> new NotFound("no organisation " + organisationId));
    }

    public static OrganisationEntity require(EntityManager em, String organisationId) {
        OrganisationEntity org = em.find(OrganisationEntity.class, organisationId);
        if (org == null) throw new NotFound("no organisation " + organisationId);
        return org;
    }

    public static ZoneId zoneOf(EntityManager em, String organisationId) {
        return ZoneId.of(require(em, organisationId).timeZone);
    }

    public static OrganisationEntity create(EntityManager em, String code, String name, String currency,
                                            String timeZone, String calendar) {
        boolean taken = !em.createQuery("select o.id from OrganisationEntity o where o.code = :c")
            .setParameter("c", code).getResultList().isEmpty();
        if (taken) throw new Conflict("organisation code " + code + " is taken", null);
        OrganisationEntity org = new OrganisationEntity();
        org.id = UUID.randomUUID().toString();
        org.code = code;
        org.name = name;
        org.currency = currency;
        org.timeZone = timeZone;
        org.calendar = calendar;
        org.createdAt = Instant.now();
        em.persist(org);
        return org;
    }
}

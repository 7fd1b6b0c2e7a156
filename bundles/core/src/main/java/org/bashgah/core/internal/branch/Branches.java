package org.bashgah.core.internal.branch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Branch;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.organisation.OrganisationEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** An organisation's branches. */
@Component(service = {BranchService.class, Branches.class})
public class Branches implements BranchService {
    /** How long a node takes an active branch's word from memory; a change on another node shows after it. */
    static final int ACTIVE_CACHE_SECONDS = 10;

    private final Database db;
    /** Branches known to be active: every purchase names one, and branches seldom close. */
    private final Cache<BranchKey, Boolean> active = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(ACTIVE_CACHE_SECONDS)).maximumSize(10_000).build();

    private record BranchKey(String organisationId, String code) {
    }

    @Activate
    public Branches(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<Branch> list(String organisationId) {
        return db.read(em -> {
            String zone = organisationZone(em, organisationId);
            return list(em, organisationId).stream().map(b -> b.toApi(zone)).toList();
        });
    }

    @Override
    public Optional<Branch> find(String organisationId, String code) {
        return db.read(em -> Optional.ofNullable(find(em, organisationId, code))
            .map(b -> b.toApi(organisationZone(em, organisationId))));
    }

    /** The zone of the organisation's branches that have none of their own. */
    public static String organisationZone(EntityManager em, String organisationId) {
        OrganisationEntity org = em.find(OrganisationEntity.class, organisationId);
        return org == null ? null : org.timeZone;
    }

    public static List<BranchEntity> list(EntityManager em, String organisationId) {
        return em.createQuery("select b from BranchEntity b where b.organisationId = :o order by b.code",
            BranchEntity.class).setParameter("o", organisationId).getResultList();
    }

    public static BranchEntity find(EntityManager em, String organisationId, String code) {
        if (code == null) return null;
        return em.createQuery("select b from BranchEntity b where b.organisationId = :o and b.code = :c",
                BranchEntity.class)
            .setParameter("o", organisationId).setParameter("c", code).getResultStream().findFirst().orElse(null);
    }

    public static BranchEntity require(EntityManager em, String organisationId, String code) {
        BranchEntity branch = find(em, organisationId, code);
        if (branch == null) throw new NotFound("no branch " + code);
        return branch;
    }

    /** A branch named in a request body: unknown or closed is a 422 on that field. */
    public static BranchEntity requireActive(EntityManager em, String organisationId, String code, String field) {
        BranchEntity branch = find(em, organisationId, code);
        if (branch == null) throw new Rejected(field, "no branch " + code);
        if (!branch.active) throw new Rejected(field, "branch " + code + " is not active");
        return branch;
    }

    /**
     * The code of an active branch named in a request body, as {@link #requireActive} checks it, but an active
     * branch is read at most once per {@value #ACTIVE_CACHE_SECONDS} s (unknown and closed ones every time).
     */
    public String requireActiveCode(EntityManager em, String organisationId, String code, String field) {
        BranchKey key = new BranchKey(organisationId, code);
        if (code != null && active.getIfPresent(key) != null) return code;
        String found = requireActive(em, organisationId, code, field).code;
        active.put(key, Boolean.TRUE);
        return found;
    }

    /** Drops what this node remembers of the branch, after a change to it. */
    public void forget(String organisationId, String code) {
        active.invalidate(new BranchKey(organisationId, code));
    }

    /** A new branch; {@code timeZone} null keeps the organisation's. */
    public static BranchEntity create(EntityManager em, String organisationId, String code, String name,
                                      String timeZone) {
        if (find(em, organisationId, code) != null) throw new Conflict("branch " + code + " exists", code);
        BranchEntity branch = new BranchEntity();
        branch.id = UUID.randomUUID().toString();
        branch.organisationId = organisationId;
        branch.code = code;
        branch.name = name;
        branch.active = true;
        branch.timeZone = timeZone;
        branch.createdAt = Instant.now();
        em.persist(branch);
        return branch;
    }
}

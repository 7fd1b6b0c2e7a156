package org.bashgah.core.internal.branch;

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
    private final Database db;

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

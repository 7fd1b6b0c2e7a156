package org.bashgah.partners.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Whether an organisation has any agreement at all, kept per node for {@link #SECONDS} seconds: every purchase
 * asks it twice (the discount contributor and partner credit), and most organisations have no partner, so they
 * skip the agreements' query. A new agreement on this node is seen at once; one arriving through another node
 * within the seconds (it still needs both sides' approval before it gives anything).
 */
@Component(service = AgreementPresence.class)
public class AgreementPresence {
    static final int SECONDS = 10;

    private final PartnersDatabase db;
    private final Cache<String, Boolean> any = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(SECONDS))
        .maximumSize(10_000).build();

    @Activate
    public AgreementPresence(@Reference PartnersDatabase db) {
        this.db = db;
    }

    /** True when the organisation is a side of at least one agreement, in whatever state. */
    public boolean any(String organisationId) {
        return any.get(organisationId, org -> db.read(em -> !em.createQuery("select a.id from AgreementEntity a"
            + " where a.orgA = :o or a.orgB = :o").setParameter("o", org).setMaxResults(1).getResultList().isEmpty()));
    }

    /** Called after an agreement of these organisations was written on this node. */
    public void changed(String... organisationIds) {
        for (String id : organisationIds) any.invalidate(id);
    }
}

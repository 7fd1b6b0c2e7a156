package org.bashgah.core.internal.audit;

import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;
import org.bashgah.core.api.Caller;

/**
 * Who changed what, written in the same transaction as the change itself, so a change and its audit
 * line exist together or not at all. Postings (purchases, refunds, ledger entries) carry their actor on
 * their own rows instead, to keep the hot path to one write per row.
 */
public final class AuditLog {
    private AuditLog() {
    }

    public static void record(EntityManager em, Caller caller, String action, String target, String detail) {
        AuditEntity row = new AuditEntity();
        row.organisationId = caller.organisationId();
        row.at = Instant.now();
        row.actor = caller.actor();
        row.branch = caller.branch();
        row.action = action;
        row.target = target;
        row.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
        em.persist(row);
    }

    /** Newest first; a branch-bound caller sees only what was done in its branch. */
    public static List<AuditEntity> list(EntityManager em, Caller caller, long beforeId, int limit) {
        String jpql = "select a from AuditEntity a where a.organisationId = :org"
            + (caller.branch() != null ? " and a.branch = :branch" : "")
            + (beforeId > 0 ? " and a.id < :before" : "") + " order by a.id desc";
        var query = em.createQuery(jpql, AuditEntity.class).setParameter("org", caller.organisationId());
        if (caller.branch() != null) query.setParameter("branch", caller.branch());
        if (beforeId > 0) query.setParameter("before", beforeId);
        return query.setMaxResults(limit).getResultList();
    }
}

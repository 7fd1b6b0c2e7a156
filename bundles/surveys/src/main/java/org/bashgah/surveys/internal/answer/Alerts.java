package org.bashgah.surveys.internal.answer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.persistence.LockModeType;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Caller;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Low-score alerts: listed for chain admins and branch managers (their branch's), resolved by them. */
@Component(service = Alerts.class)
public class Alerts {
    private final SurveysDatabase db;
    private final AuditTrail audit;

    @Activate
    public Alerts(@Reference SurveysDatabase db, @Reference AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Alerts newest first; only of {@code branch} and of {@code status} when they are given. */
    public List<Alert> list(String organisationId, String branch, String status, long beforeId, int limit) {
        return db.read(em -> {
            var query = em.createQuery("select a from AlertEntity a where a.organisationId = :o"
                    + (branch != null ? " and a.branch = :b" : "") + (status != null ? " and a.status = :s" : "")
                    + (beforeId > 0 ? " and a.id < :before" : "") + " order by a.id desc", AlertEntity.class)
                .setParameter("o", organisationId).setMaxResults(limit);
            if (branch != null) query.setParameter("b", branch);
            if (status != null) query.setParameter("s", status);
            if (beforeId > 0) query.setParameter("before", beforeId);
            return query.getResultStream().map(AlertEntity::toApi).toList();
        });
    }

    public Alert resolve(Caller caller, long id, String note) {
        Alert resolved = db.inTransaction(em -> {
            AlertEntity a = em.find(AlertEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (a == null || !a.organisationId.equals(caller.organisationId()) || !caller.mayUseBranch(a.branch)) {
                throw new NotFound("no alert " + id);
            }
            if (!AlertEntity.OPEN.equals(a.status)) throw new Rejected("status", "the alert is resolved already");
            a.status = AlertEntity.RESOLVED;
            a.resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            a.resolvedBy = caller.actor();
            a.note = note;
            return a.toApi();
        });
        audit.record(caller, "surveys.alert.resolve", String.valueOf(id), note);
        return resolved;
    }
}

package org.bashgah.core.internal.audit;

import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.Caller;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AuditTrail} for capabilities: one audit line in a transaction of its own. */
@Component(service = AuditTrail.class)
public class AuditRecorder implements AuditTrail {
    private final Database db;

    @Activate
    public AuditRecorder(@Reference Database db) {
        this.db = db;
    }

    @Override
    public void record(Caller caller, String action, String target, String detail) {
        db.inTransaction(em -> {
            AuditLog.record(em, caller, action, target, detail);
            return null;
        });
    }
}

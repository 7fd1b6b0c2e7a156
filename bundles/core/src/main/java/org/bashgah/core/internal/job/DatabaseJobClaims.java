package org.bashgah.core.internal.job;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.bashgah.core.api.JobClaims;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link JobClaims} by a row per job and period: the node whose insert wins the primary key runs the job.
 * A node that loses the race sees the winner's row when its transaction is run again.
 */
@Component(service = JobClaims.class)
public class DatabaseJobClaims implements JobClaims {
    /** This JVM, as {@code pid@host}, recorded with each claim for operators. */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final Database db;

    @Activate
    public DatabaseJobClaims(@Reference Database db) {
        this.db = db;
    }

    @Override
    public boolean claim(String job, String period) {
        return db.inTransaction(em -> {
            if (em.find(JobClaimEntity.class, new JobClaimEntity.Key(job, period)) != null) return false;
            JobClaimEntity row = new JobClaimEntity();
            row.job = job;
            row.period = period;
            row.node = NODE;
            row.claimedAt = Instant.now();
            em.persist(row);
            return true;
        });
    }
}

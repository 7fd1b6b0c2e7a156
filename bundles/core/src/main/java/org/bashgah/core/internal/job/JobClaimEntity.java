package org.bashgah.core.internal.job;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "core_job_claim")
@IdClass(JobClaimEntity.Key.class)
public class JobClaimEntity {
    @Id
    public String job;
    @Id
    public String period;
    public String node;
    @Column(name = "claimed_at")
    public Instant claimedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String job;
        public String period;

        public Key() {
        }

        public Key(String job, String period) {
            this.job = job;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(job, k.job) && Objects.equals(period, k.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(job, period);
        }
    }
}

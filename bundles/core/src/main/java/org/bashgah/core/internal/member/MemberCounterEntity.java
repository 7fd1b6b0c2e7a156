package org.bashgah.core.internal.member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A member's visits and spend at one branch ({@code BRANCH}) or in one product group ({@code GROUP}). */
@Entity
@Table(name = "core_member_counter")
@IdClass(MemberCounterEntity.Key.class)
public class MemberCounterEntity {
    public static final String BRANCH = "BRANCH";
    public static final String GROUP = "GROUP";

    @Id
    @Column(name = "member_id")
    public String memberId;
    @Id
    public String dimension;
    @Id
    @Column(name = "counter_key")
    public String counterKey;
    public long visits;
    public long amount;
    @Column(name = "last_at")
    public Instant lastAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String memberId;
        public String dimension;
        public String counterKey;

        public Key() {
        }

        public Key(String memberId, String dimension, String counterKey) {
            this.memberId = memberId;
            this.dimension = dimension;
            this.counterKey = counterKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(dimension, k.dimension)
                && Objects.equals(counterKey, k.counterKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, dimension, counterKey);
        }
    }
}

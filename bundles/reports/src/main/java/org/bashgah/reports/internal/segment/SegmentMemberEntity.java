package org.bashgah.reports.internal.segment;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "reports_segment_member")
@IdClass(SegmentMemberEntity.Key.class)
public class SegmentMemberEntity {
    @Id
    @Column(name = "segment_id")
    public String segmentId;
    @Id
    @Column(name = "member_id")
    public String memberId;

    public SegmentMemberEntity() {
    }

    SegmentMemberEntity(String segmentId, String memberId) {
        this.segmentId = segmentId;
        this.memberId = memberId;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String segmentId;
        public String memberId;

        public Key() {
        }

        public Key(String segmentId, String memberId) {
            this.segmentId = segmentId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(segmentId, k.segmentId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(segmentId, memberId);
        }
    }
}

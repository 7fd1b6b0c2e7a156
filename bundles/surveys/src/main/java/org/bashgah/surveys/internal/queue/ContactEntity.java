package org.bashgah.surveys.internal.queue;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A member the surveys have queued a call for. Queueing a call locks this row first, so two purchases of one
 * member are considered one after the other: never two open calls for one member, and so never two operators
 * phoning the same person.
 */
@Entity
@Table(name = "surveys_contact")
@IdClass(ContactEntity.Key.class)
public class ContactEntity {
    @Id
    @Column(name = "org_id")
    public String organisationId;
    @Id
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "first_queued_at")
    public Instant firstQueuedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String organisationId;
        public String memberId;

        public Key() {
        }

        public Key(String organisationId, String memberId) {
            this.organisationId = organisationId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisationId, k.organisationId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, memberId);
        }
    }
}

package org.bashgah.surveys.internal.queue;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** An operator's day: every claim locks it, so one operator's claims never interleave (a double click claims once). */
@Entity
@Table(name = "surveys_operator_day")
@IdClass(OperatorDayEntity.Key.class)
public class OperatorDayEntity {
    @Id
    @Column(name = "org_id")
    public String organisationId;
    @Id
    @Column(name = "operator_name")
    public String operator;
    @Id
    @Column(name = "claim_day")
    public LocalDate day;
    public int claims;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String organisationId;
        public String operator;
        public LocalDate day;

        public Key() {
        }

        public Key(String organisationId, String operator, LocalDate day) {
            this.organisationId = organisationId;
            this.operator = operator;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisationId, k.organisationId)
                && Objects.equals(operator, k.operator) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, operator, day);
        }
    }
}

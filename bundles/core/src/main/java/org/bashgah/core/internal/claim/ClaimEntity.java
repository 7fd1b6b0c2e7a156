package org.bashgah.core.internal.claim;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** How much of a limited claim key purchases have used; locked by each purchase that counts against it. */
@Entity
@Table(name = "core_claim")
@IdClass(ClaimEntity.Key.class)
public class ClaimEntity {
    @Id
    @Column(name = "org_id")
    public String organisationId;
    @Id
    @Column(name = "claim_key")
    public String key;
    public long used;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String organisationId;
        public String key;

        public Key() {
        }

        public Key(String organisationId, String key) {
            this.organisationId = organisationId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisationId, k.organisationId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, key);
        }
    }
}

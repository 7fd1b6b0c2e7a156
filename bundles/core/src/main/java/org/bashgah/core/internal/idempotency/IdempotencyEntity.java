package org.bashgah.core.internal.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity
@Table(name = "core_idempotency")
@IdClass(IdempotencyEntity.Key.class)
public class IdempotencyEntity {
    @Id
    @Column(name = "org_id")
    public String organisationId;
    @Id
    @Column(name = "idem_key")
    public String key;
    public String operation;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "result_id")
    public String resultId;
    public String response;
    @Column(name = "created_at")
    public Instant createdAt;

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

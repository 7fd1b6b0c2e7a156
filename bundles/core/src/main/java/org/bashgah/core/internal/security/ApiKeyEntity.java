package org.bashgah.core.internal.security;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A point-of-sale key, stored as its SHA-256; the key itself is shown once, when it is made. */
@Entity
@Table(name = "core_api_key")
public class ApiKeyEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "branch_code")
    public String branch;
    public String name;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}

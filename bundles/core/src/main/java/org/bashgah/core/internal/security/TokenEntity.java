package org.bashgah.core.internal.security;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A login token, stored as its SHA-256 so a database dump holds no usable token. */
@Entity
@Table(name = "core_token")
public class TokenEntity {
    @Id
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "expires_at")
    public Instant expiresAt;
}

package org.bashgah.partners.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A partner on another Bashgah server: where it answers and the secret both sides sign with. */
@Entity
@Table(name = "partners_remote")
public class RemoteEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    public String code;
    public String name;
    public String url;
    /** Names the shared secret in signed requests (X-Bashgah-Key); agreed by both sides, unique on the server. */
    @Column(name = "key_id")
    public String keyId;
    /** Kept as given: HMAC needs the secret itself, so it cannot be stored hashed. */
    public String secret;
    @Column(name = "created_at")
    public Instant createdAt;
}

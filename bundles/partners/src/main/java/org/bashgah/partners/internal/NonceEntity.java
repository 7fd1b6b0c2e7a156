package org.bashgah.partners.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A nonce a signed request used; a second request with it is a replay. Kept as long as its timestamp is fresh. */
@Entity
@Table(name = "partners_nonce")
public class NonceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "key_id")
    public String keyId;
    public String nonce;
    @Column(name = "seen_at")
    public Instant seenAt;
}

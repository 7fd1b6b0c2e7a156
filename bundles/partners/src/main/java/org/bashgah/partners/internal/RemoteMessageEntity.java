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

/** A signed message a remote partner sent us, kept as received (after its signature was checked). */
@Entity
@Table(name = "partners_remote_message")
public class RemoteMessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "remote_id")
    public long remoteId;
    public String kind;
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;
}

package org.bashgah.partners.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A message for a remote partner, kept until it is delivered or refused for good. */
@Entity
@Table(name = "partners_outbox")
public class OutboxEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "remote_id")
    public long remoteId;
    public String kind;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
    public int attempts;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "refused_at")
    public Instant refusedAt;
    @Column(name = "last_answer")
    public String lastAnswer;
}

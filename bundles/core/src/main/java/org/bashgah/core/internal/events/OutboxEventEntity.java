package org.bashgah.core.internal.events;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An event written with its change and not yet (or only just) delivered; see {@link EventPublisher}. */
@Entity
@Table(name = "core_event_outbox")
public class OutboxEventEntity {
    @Id
    public String id;
    public String topic;
    /** The event's properties as a JSON object of text, whole numbers and booleans. */
    public String properties;
    @Column(name = "created_at")
    public Instant createdAt;
}

package org.bashgah.offers.internal.offer;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "offers_offer")
public class OfferEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    public String name;
    public String kind;
    public String status;
    /** {@link OfferDefinition} as JSON. */
    public String definition;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
}

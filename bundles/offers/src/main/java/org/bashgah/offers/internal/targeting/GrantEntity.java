package org.bashgah.offers.internal.targeting;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "offers_grant")
public class GrantEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "offer_id")
    public String offerId;
    @Column(name = "member_id")
    public String memberId;
    /** The targeting run's id, or the ref of the request that asked for the grant. */
    public String ref;
    @Column(name = "granted_at")
    public Instant grantedAt;
    public Instant deadline;
    /** Held out for measuring: the member gets nothing. */
    public boolean control;
}

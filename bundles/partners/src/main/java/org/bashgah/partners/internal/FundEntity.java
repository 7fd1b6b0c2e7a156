package org.bashgah.partners.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** The shared fund of one pair of partners (organisation ids in order, as settlements keep them). */
@Entity
@Table(name = "partners_fund")
public class FundEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_low")
    public String orgLow;
    @Column(name = "org_high")
    public String orgHigh;
    public String name;
    @Column(name = "created_by_org")
    public String createdByOrg;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    boolean side(String organisationId) {
        return orgLow.equals(organisationId) || orgHigh.equals(organisationId);
    }

    String other(String organisationId) {
        return orgLow.equals(organisationId) ? orgHigh : orgLow;
    }
}

package org.bashgah.reports.internal.segment;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "reports_segment")
public class SegmentEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    public String name;
    public String report;
    public String parameters;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "as_of")
    public Instant asOf;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "member_count")
    public long members;
}

package org.bashgah.core.internal.branch;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.bashgah.core.api.Branch;

@Entity
@Table(name = "core_branch")
public class BranchEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    public String code;
    public String name;
    public boolean active;
    /** The branch's own IANA zone; null: its organisation's. */
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The branch, with its own zone or else {@code organisationZone}. */
    public Branch toApi(String organisationZone) {
        return new Branch(code, name, active, timeZone != null ? timeZone : organisationZone);
    }
}

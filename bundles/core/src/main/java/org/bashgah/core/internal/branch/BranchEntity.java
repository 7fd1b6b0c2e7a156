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
    @Column(name = "created_at")
    public Instant createdAt;

    public Branch toApi() {
        return new Branch(code, name, active);
    }
}

package org.bashgah.core.internal.organisation;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.bashgah.core.api.Organisation;

@Entity
@Table(name = "core_organisation")
public class OrganisationEntity {
    @Id
    public String id;
    public String code;
    public String name;
    public String currency;
    @Column(name = "time_zone")
    public String timeZone;
    public String calendar;
    @Column(name = "created_at")
    public Instant createdAt;

    public Organisation toApi() {
        return new Organisation(id, code, name, currency, timeZone, calendar);
    }
}

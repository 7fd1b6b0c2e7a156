package org.bashgah.core.internal.security;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "core_user")
public class UserEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "server_admin")
    public boolean serverAdmin;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
}

package org.bashgah.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.internal.audit.AuditLog;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.security.Caller;
import org.bashgah.core.internal.security.FirstStart;
import org.bashgah.core.internal.security.Role;
import org.bashgah.core.internal.security.Secrets;
import org.bashgah.core.internal.security.UserEntity;
import org.bashgah.core.internal.security.Users;

@Command(scope = "bashgah", name = "admin-reset",
    description = "Sets a new password for the administrator (or another user), ending its sessions")
@Service
public class AdminReset implements Action {
    @Reference
    private Database db;

    @Argument(index = 0, name = "password", description = "the new password (default: a generated one, printed)")
    private String password;

    @Option(name = "--user", description = "the user to reset (default: admin)")
    private String user = FirstStart.ADMIN;

    @Override
    public Object execute() {
        boolean generated = password == null;
        String newPassword = generated ? Secrets.newPassword() : password;
        db.inTransaction(em -> {
            UserEntity u = Users.findByName(em, user);
            if (u == null) throw new IllegalArgumentException("no user " + user);
            Users.setPassword(em, u, newPassword);
            u.active = true;
            AuditLog.record(em, new Caller(u.organisationId, "shell", Role.CHAIN_ADMIN, null, true), "user.password-reset",
                u.username, "bashgah:admin-reset");
            return null;
        });
        System.out.println("Password of " + user + " reset" + (generated ? ": " + newPassword : "."));
        return null;
    }
}

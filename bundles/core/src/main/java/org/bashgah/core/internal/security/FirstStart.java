package org.bashgah.core.internal.security;

import org.bashgah.core.internal.CoreSettings;
import org.bashgah.core.internal.audit.AuditLog;
import org.bashgah.core.internal.db.Database;
import org.bashgah.core.internal.organisation.OrganisationEntity;
import org.bashgah.core.internal.organisation.Organisations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On an empty database, creates the first organisation and its administrator {@code admin}, whose
 * password comes from {@code BASHGAH_ADMIN_PASSWORD} (or the system property {@code bashgah.admin.password})
 * or, when neither is set, is generated and written to the log once. There is no default password.
 */
@Component(service = FirstStart.class, immediate = true)
public class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    public static final String ADMIN = "admin";

    @Activate
    public FirstStart(@Reference Database db, @Reference CoreSettings settings) {
        db.inTransaction(em -> {
            long organisations = em.createQuery("select count(o) from OrganisationEntity o", Long.class)
                .getSingleResult();
            if (organisations > 0) return null;
            CoreSettings.Config c = settings.config();
            OrganisationEntity org = Organisations.create(em, c.organisation_code(), c.organisation_name(),
                c.organisation_currency(), c.organisation_timeZone(), c.organisation_calendar());
            String given = System.getenv("BASHGAH_ADMIN_PASSWORD");
            if (given == null || given.isBlank()) given = System.getProperty("bashgah.admin.password");
            String password = given;
            if (password != null && password.length() < Users.MIN_PASSWORD_LENGTH) {
                LOG.warn("BASHGAH_ADMIN_PASSWORD is shorter than {} characters; generating a password instead",
                    Users.MIN_PASSWORD_LENGTH);
                password = null;
            }
            boolean generated = password == null || password.isBlank();
            if (generated) password = Secrets.newPassword();
            UserEntity admin = Users.create(em, org.id, ADMIN, password, Role.CHAIN_ADMIN, null, true);
            AuditLog.record(em, Users.callerOf(admin), "organisation.create", org.code, "first start");
            if (generated) {
                // one line per fact: Karaf's log layout escapes line breaks inside a message
                LOG.info("Bashgah first start: organisation '{}' created", org.code);
                LOG.info("Administrator user 'admin', password: {}", password);
                LOG.info("This password is shown only this once. Change it with bashgah:admin-reset");
            } else {
                LOG.info("Bashgah first start: organisation '{}' created; user 'admin' has the password given in "
                    + "BASHGAH_ADMIN_PASSWORD", org.code);
            }
            return null;
        });
    }
}

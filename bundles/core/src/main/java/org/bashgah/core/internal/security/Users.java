package org.bashgah.core.internal.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.bashgah.core.api.BashgahException.Conflict;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;

/** The users who log in: their rules, shared by the REST resources, first start and the shell. */
public final class Users {
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** A valid hash no password matches, compared against for unknown user names. */
    static final String UNKNOWN_USER_HASH = Secrets.hashPassword(UUID.randomUUID().toString());

    private Users() {
    }

    public static UserEntity findByName(EntityManager em, String username) {
        if (username == null) return null;
        return em.createQuery("select u from UserEntity u where u.username = :n", UserEntity.class)
            .setParameter("n", username).getResultStream().findFirst().orElse(null);
    }

    public static UserEntity require(EntityManager em, String organisationId, String username) {
        UserEntity user = findByName(em, username);
        if (user == null || !user.organisationId.equals(organisationId)) throw new NotFound("no user " + username);
        return user;
    }

    public static List<UserEntity> list(EntityManager em, String organisationId) {
        return em.createQuery("select u from UserEntity u where u.organisationId = :o order by u.username",
            UserEntity.class).setParameter("o", organisationId).getResultList();
    }

    public static UserEntity create(EntityManager em, String organisationId, String username, String password,
                                    Role role, String branch, boolean serverAdmin) {
        checkPassword(password);
        if (findByName(em, username) != null) throw new Conflict("user name " + username + " is taken", null);
        UserEntity user = new UserEntity();
        user.id = UUID.randomUUID().toString();
        user.organisationId = organisationId;
        user.username = username;
        user.passwordHash = Secrets.hashPassword(password);
        user.role = role.text();
        user.branch = branch;
        user.serverAdmin = serverAdmin;
        user.active = true;
        user.createdAt = Instant.now();
        em.persist(user);
        return user;
    }

    /** Sets a new password and ends every session of the user. */
    public static void setPassword(EntityManager em, UserEntity user, String password) {
        checkPassword(password);
        user.passwordHash = Secrets.hashPassword(password);
        em.createQuery("delete from TokenEntity t where t.userId = :u").setParameter("u", user.id).executeUpdate();
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new Rejected("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        // bcrypt reads only the first 72 bytes: a longer password would silently match its own prefix
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new Rejected("password", "must be at most 72 bytes (72 Latin or 36 Persian letters)");
        }
    }

    public static Caller callerOf(UserEntity user) {
        return new Caller(user.organisationId, user.username, Role.of(user.role), user.branch, user.serverAdmin);
    }
}

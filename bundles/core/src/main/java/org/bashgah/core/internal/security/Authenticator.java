package org.bashgah.core.internal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bashgah.core.internal.CoreSettings;
import org.bashgah.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Turns a bearer secret (a login token or an API key) into a {@link Caller}, and a password into a token. */
@Component(service = Authenticator.class)
public class Authenticator {
    public static final String TOKEN_PREFIX = "bgt_";
    public static final String KEY_PREFIX = "bgk_";

    /** How long a node trusts an API key it checked: a key revoked on another node stops working within this. */
    static final int KEY_CACHE_SECONDS = 10;

    private final Database db;
    private final CoreSettings settings;
    // valid keys only (by hash), so unknown secrets cannot fill it; a point of sale sends its key with every request
    private final Cache<String, Caller> keys = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(KEY_CACHE_SECONDS)).maximumSize(10_000).build();

    @Activate
    public Authenticator(@Reference Database db, @Reference CoreSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A token for the user, or empty when the name or password is wrong or the user is disabled. */
    public Optional<IssuedToken> login(String username, String password) {
        return db.inTransaction(em -> {
            UserEntity user = Users.findByName(em, username);
            // compare a hash even for an unknown user, so timing does not reveal which names exist
            String hash = user == null ? Users.UNKNOWN_USER_HASH : user.passwordHash;
            boolean matches = Secrets.passwordMatches(password, hash);
            if (user == null || !user.active || !matches) return Optional.<IssuedToken>empty();
            String token = Secrets.newSecret(TOKEN_PREFIX);
            TokenEntity row = new TokenEntity();
            row.tokenHash = Secrets.sha256(token);
            row.userId = user.id;
            row.expiresAt = Instant.now().plus(Duration.ofHours(settings.tokenHours()));
            em.persist(row);
            em.createQuery("delete from TokenEntity t where t.userId = :u and t.expiresAt < :now")
                .setParameter("u", user.id).setParameter("now", Instant.now()).executeUpdate();
            return Optional.of(new IssuedToken(token, row.expiresAt));
        });
    }

    public void logout(String token) {
        db.inTransaction(em -> em.createQuery("delete from TokenEntity t where t.tokenHash = :h")
            .setParameter("h", Secrets.sha256(token)).executeUpdate());
    }

    /** The caller a bearer secret stands for, or empty when it is unknown, expired or revoked. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null) return Optional.empty();
        String hash = Secrets.sha256(secret);
        if (secret.startsWith(KEY_PREFIX)) {
            Caller known = keys.getIfPresent(hash);
            if (known != null) return Optional.of(known);
        }
        Optional<Caller> caller = db.read(em -> {
            if (secret.startsWith(TOKEN_PREFIX)) {
                TokenEntity token = em.find(TokenEntity.class, hash);
                if (token == null || token.expiresAt.isBefore(Instant.now())) return Optional.empty();
                UserEntity user = em.find(UserEntity.class, token.userId);
                if (user == null || !user.active) return Optional.empty();
                return Optional.of(Users.callerOf(user));
            }
            if (secret.startsWith(KEY_PREFIX)) {
                return em.createQuery("select k from ApiKeyEntity k where k.keyHash = :h and k.revokedAt is null",
                        ApiKeyEntity.class)
                    .setParameter("h", hash).getResultStream().findFirst()
                    .map(k -> new Caller(k.organisationId, "key:" + k.name, Role.POS, k.branch, false));
            }
            return Optional.empty();
        });
        if (secret.startsWith(KEY_PREFIX)) caller.ifPresent(c -> keys.put(hash, c));
        return caller;
    }

    /** A key was revoked on this node: it stops working here at once. */
    public void keyRevoked() {
        keys.invalidateAll();
    }

    /** A login token and when it stops working. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}

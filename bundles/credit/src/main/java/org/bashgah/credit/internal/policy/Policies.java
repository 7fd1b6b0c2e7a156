package org.bashgah.credit.internal.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.Caller;
import org.bashgah.credit.api.CreditPolicies;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.credit.internal.CreditDatabase;
import org.bashgah.credit.internal.CreditSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The chain's policy and the branches' overrides, as versions: a change adds a version (audited), and a
 * purchase earns under the version in force when it is posted, so past entries are never rewritten.
 * Until a chain sets its own policy, the defaults of {@code etc/org.bashgah.credit.cfg} apply.
 *
 * <p>Every purchase asks for the effective policy, so the newest versions read are kept for
 * {@code cache.seconds}; a change on this node empties the cache at once.
 */
@Component(service = {CreditPolicies.class, Policies.class})
public class Policies implements CreditPolicies {
    private final CreditDatabase db;
    private final CreditSettings settings;
    private final AuditTrail audit;
    /** The newest version of a scope (chain: branch ""), empty when there is none or it was removed. */
    private final Cache<Scope, Optional<CreditPolicy>> newest;

    private record Scope(String organisationId, String branch) {
    }

    @Activate
    public Policies(@Reference CreditDatabase db, @Reference CreditSettings settings, @Reference AuditTrail audit) {
        this.db = db;
        this.settings = settings;
        this.audit = audit;
        this.newest = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(settings.config().cache_seconds()))
            .maximumSize(10_000).build();
    }

    @Override
    public CreditPolicy effective(String organisationId, String branch) {
        if (branch != null) {
            Optional<CreditPolicy> override = newest(organisationId, branch);
            if (override.isPresent()) return override.get();
        }
        // the defaults are not cached: they follow etc/org.bashgah.credit.cfg at once
        return newest(organisationId, null).orElseGet(this::defaults);
    }

    private Optional<CreditPolicy> newest(String organisationId, String branch) {
        return newest.get(new Scope(organisationId, branch == null ? "" : branch), scope -> db.read(em ->
            latest(em, organisationId, branch).filter(p -> !p.removed).map(PolicyEntity::toApi)));
    }

    /** The chain's policy (or the default). */
    public CreditPolicy chain(String organisationId) {
        return effective(organisationId, null);
    }

    /** A branch's override, if it has one. */
    public Optional<CreditPolicy> override(String organisationId, String branch) {
        return newest(organisationId, branch);
    }

    public CreditPolicy put(Caller caller, String branch, CreditPolicy policy) {
        CreditPolicy saved = db.inTransaction(em -> {
            PolicyEntity row = PolicyEntity.of(caller.organisationId(), branch, policy, caller.actor());
            em.persist(row);
            em.flush();
            return row.toApi();
        });
        newest.invalidateAll();
        audit.record(caller, branch == null ? "credit.policy.update" : "credit.policy.branch.update",
            branch == null ? "chain" : branch, describe(saved));
        return saved;
    }

    public void remove(Caller caller, String branch) {
        db.inTransaction(em -> {
            PolicyEntity current = latest(em, caller.organisationId(), branch).filter(p -> !p.removed)
                .orElseThrow(() -> new NotFound("branch " + branch + " has no policy of its own"));
            PolicyEntity removal = PolicyEntity.of(caller.organisationId(), branch, current.toApi(), caller.actor());
            removal.removed = true;
            em.persist(removal);
            return null;
        });
        newest.invalidateAll();
        audit.record(caller, "credit.policy.branch.remove", branch, "the chain's policy applies again");
    }

    /** Every version of the chain's and the branches' policies, newest first. */
    public List<CreditPolicy> history(String organisationId, int limit) {
        // a bound parameter: Derby refuses the literal false ("BOOLEAN and INTEGER")
        return db.read(em -> em.createQuery("select p from PolicyEntity p where p.organisationId = :o"
                + " and p.removed = :removed order by p.id desc", PolicyEntity.class)
            .setParameter("o", organisationId).setParameter("removed", Boolean.FALSE)
            .setMaxResults(limit).getResultList()
            .stream().map(PolicyEntity::toApi).toList());
    }

    private static Optional<PolicyEntity> latest(EntityManager em, String organisationId, String branch) {
        String scope = branch == null ? "p.branch is null" : "p.branch = :b";
        var query = em.createQuery("select p from PolicyEntity p where p.organisationId = :o and " + scope
            + " order by p.id desc", PolicyEntity.class).setParameter("o", organisationId).setMaxResults(1);
        if (branch != null) query.setParameter("b", branch);
        return query.getResultStream().findFirst();
    }

    CreditPolicy defaults() {
        CreditSettings.Config c = settings.config();
        return new CreditPolicy(null, new BigDecimal(c.default_creditPercent()), c.default_creditTo(),
            new BigDecimal(c.default_sharedPercentOfCredit()), c.default_amountPerPoint(), c.default_pointValue(),
            c.default_creditExpiryDays(), c.default_pointsExpiryDays(), new BigDecimal(c.default_maxRedeemPercent()),
            c.default_signupPoints(), c.default_referralPoints(), c.default_reviewPoints(), c.default_socialPoints(),
            c.default_surveyPoints(), null, null, "default");
    }

    private static String describe(CreditPolicy p) {
        return "credit " + p.creditPercent().stripTrailingZeros().toPlainString() + "% to " + p.creditTo()
            + ", 1 point per " + p.amountPerPoint() + ", point value " + p.pointValue() + ", max redeem "
            + p.maxRedeemPercent().stripTrailingZeros().toPlainString() + "%, version " + p.version();
    }
}

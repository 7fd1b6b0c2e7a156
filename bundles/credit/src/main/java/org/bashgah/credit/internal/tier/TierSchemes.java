package org.bashgah.credit.internal.tier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.bashgah.core.api.AuditTrail;
import org.bashgah.core.api.Caller;
import org.bashgah.credit.internal.CreditDatabase;
import org.bashgah.credit.internal.CreditSettings;
import org.bashgah.credit.internal.earning.TierBenefits;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The organisations' tier schemes, as versions: a change inserts a new version (audited as
 * {@code credit.tiers.update}) and the newest is in force; until a chain sets one, {@link TierScheme#DEFAULT}
 * applies. Also the {@link TierBenefits} that earning asks on every purchase, which is why the scheme in force
 * is kept for {@code cache.seconds} (a change on this node empties the cache at once).
 */
@Component(service = {TierSchemes.class, TierBenefits.class})
public class TierSchemes implements TierBenefits {
    private final CreditDatabase db;
    private final AuditTrail audit;
    private final Cache<String, TierScheme> inForce;

    @Activate
    public TierSchemes(@Reference CreditDatabase db, @Reference AuditTrail audit, @Reference CreditSettings settings) {
        this.db = db;
        this.audit = audit;
        this.inForce = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(settings.config().cache_seconds()))
            .maximumSize(10_000).build();
    }

    /** The scheme in force in the organisation. */
    public TierScheme current(String organisationId) {
        return inForce.get(organisationId, org -> db.read(em ->
            latest(em, org).map(s -> toScheme(em, s)).orElse(TierScheme.DEFAULT)));
    }

    @Override
    public Benefit benefitOf(String organisationId, String tier) {
        return current(organisationId).benefitOf(tier);
    }

    /** Replaces the caller's organisation's whole scheme with {@code scheme} (already validated). */
    public TierScheme put(Caller caller, TierScheme scheme) {
        TierScheme saved = db.inTransaction(em -> {
            TierSchemeEntity row = new TierSchemeEntity();
            row.organisationId = caller.organisationId();
            row.measure = scheme.measure();
            row.windowDays = scheme.windowDays();
            row.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            row.changedBy = caller.actor();
            em.persist(row);
            em.flush();
            for (int i = 0; i < scheme.tiers().size(); i++) {
                Tier t = scheme.tiers().get(i);
                TierLevelEntity level = new TierLevelEntity();
                level.schemeId = row.id;
                level.levelNo = i;
                level.code = t.code();
                level.name = t.name();
                level.threshold = t.threshold();
                level.extraCreditPercent = t.extraCreditPercent();
                level.discountPercent = t.discountPercent();
                em.persist(level);
            }
            em.flush();
            return toScheme(em, row);
        });
        inForce.invalidateAll();
        audit.record(caller, "credit.tiers.update", "tiers", describe(saved));
        return saved;
    }

    private static Optional<TierSchemeEntity> latest(EntityManager em, String organisationId) {
        return em.createQuery("select s from TierSchemeEntity s where s.organisationId = :o order by s.id desc",
                TierSchemeEntity.class).setParameter("o", organisationId).setMaxResults(1)
            .getResultStream().findFirst();
    }

    private static TierScheme toScheme(EntityManager em, TierSchemeEntity s) {
        List<Tier> tiers = em.createQuery("select l from TierLevelEntity l where l.schemeId = :s order by l.levelNo",
                TierLevelEntity.class).setParameter("s", s.id).getResultList()
            .stream().map(TierLevelEntity::toTier).toList();
        return new TierScheme(s.id, s.measure, s.windowDays, tiers, s.changedAt, s.changedBy);
    }

    private static String describe(TierScheme s) {
        return "by " + s.measure() + " over " + s.windowDays() + " days: " + s.tiers().stream()
            .map(t -> t.code() + " from " + t.threshold() + " (+" + t.extraCreditPercent().toPlainString()
                + "% credit, " + t.discountPercent().toPlainString() + "% off)")
            .collect(Collectors.joining(", ")) + ", version " + s.version();
    }
}

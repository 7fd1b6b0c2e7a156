package org.bashgah.credit.internal.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Rest;
import org.bashgah.core.api.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/credit/tiers}: the organisation's tier scheme (anyone in the organisation reads it; a chain
 * admin replaces it whole) and {@code POST /api/v1/credit/tiers/review}, which runs the review now as of a
 * given moment (chain admins; e.g. a test that controls the clock, or catching up after downtime).
 */
@Component(service = TierResource.class)
@JaxrsResource
@JaxrsExtensionSelect(Rest.JSON_SELECT)
@Path("/api/v1/credit/tiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TierResource {
    static final int MAX_TIERS = 20;
    private static final String CODE = "[A-Z][A-Z0-9_]{0,31}";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TierSchemes schemes;
    private final TierReviewRuns reviews;

    @Activate
    public TierResource(@Reference TierSchemes schemes, @Reference TierReviewRuns reviews) {
        this.schemes = schemes;
        this.reviews = reviews;
    }

    /** The body of PUT: the whole new scheme. */
    public record SchemeChange(String measure, Integer windowDays, List<TierChange> tiers) {
    }

    /** One tier of the body, lowest first; {@code name} defaults to the code, the percentages to 0. */
    public record TierChange(String code, String name, Long threshold, BigDecimal extraCreditPercent,
                             BigDecimal discountPercent) {
    }

    /** The body of POST review; without {@code asOf}, as of now. */
    public record ReviewRequest(OffsetDateTime asOf) {
    }

    @GET
    public TierScheme scheme(@Context SecurityContext security) {
        return schemes.current(caller(security).organisationId());
    }

    @PUT
    public TierScheme change(SchemeChange change, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        return schemes.put(caller, validated(change));
    }

    @POST
    @Path("review")
    public TierStandings.ReviewRun review(ReviewRequest request, @Context SecurityContext security) {
        Caller caller = caller(security);
        caller.requireRoleName(Caller.CHAIN_ADMIN);
        Instant asOf = request == null || request.asOf() == null ? Instant.now() : request.asOf().toInstant();
        return reviews.run(caller.organisationId(), asOf);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** The scheme the body describes, checked as a whole (every field at fault is named in one 400). */
    static TierScheme validated(SchemeChange change) {
        Validation v = new Validation();
        if (change == null) {
            v.add("body", "a tier scheme is required").throwIfInvalid();
        }
        v.require("measure", change.measure())
            .check(change.measure() == null || TierScheme.POINTS.equals(change.measure())
                || TierScheme.SPEND.equals(change.measure()), "measure", "must be POINTS or SPEND")
            .require("windowDays", change.windowDays())
            .check(change.windowDays() == null || (change.windowDays() >= 1 && change.windowDays() <= 3650),
                "windowDays", "must be 1 to 3650 days");
        List<TierChange> given = change.tiers() == null ? List.of() : change.tiers();
        v.check(!given.isEmpty(), "tiers", "must list at least one tier, the lowest first")
            .check(given.size() <= MAX_TIERS, "tiers", "must list at most " + MAX_TIERS + " tiers");
        List<Tier> tiers = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Long previous = null;
        for (int i = 0; i < given.size() && i < MAX_TIERS; i++) {
            String field = "tiers[" + i + "]";
            TierChange t = given.get(i);
            if (t == null) {
                v.add(field, "is required");
                continue;
            }
            v.require(field + ".code", t.code())
                .check(t.code() == null || t.code().matches(CODE), field + ".code",
                    "must be 1-32 upper-case letters, digits or '_', starting with a letter")
                .check(t.code() == null || codes.add(t.code()), field + ".code", "is used by an earlier tier")
                .name(field + ".name", t.name(), 100)
                .check(t.name() == null || !t.name().isBlank(), field + ".name", "must not be blank")
                .require(field + ".threshold", t.threshold());
            if (t.threshold() != null) {
                if (i == 0) {
                    v.check(t.threshold() == 0, field + ".threshold", "must be 0: the lowest tier holds everyone");
                } else if (t.threshold() < 0 || t.threshold() > Validation.MAX_AMOUNT) {
                    v.add(field + ".threshold", "must be from 1 to " + Validation.MAX_AMOUNT);
                } else {
                    v.check(previous == null || t.threshold() > previous, field + ".threshold",
                        "must be above the threshold of the tier before");
                }
                previous = t.threshold();
            }
            percent(v, field + ".extraCreditPercent", t.extraCreditPercent());
            percent(v, field + ".discountPercent", t.discountPercent());
            if (v.ok()) {
                tiers.add(new Tier(t.code(), t.name() == null ? t.code() : t.name().strip(), t.threshold(),
                    orZero(t.extraCreditPercent()), orZero(t.discountPercent())));
            }
        }
        v.throwIfInvalid();
        return new TierScheme(null, change.measure(), change.windowDays(), tiers, null, null);
    }

    private static void percent(Validation v, String field, BigDecimal value) {
        v.check(value == null || (value.signum() >= 0 && value.compareTo(HUNDRED) <= 0 && value.scale() <= 4), field,
            "must be a percentage from 0 to 100 with at most 4 decimals");
    }

    private static BigDecimal orZero(BigDecimal value) {
        if (value == null) return BigDecimal.ZERO;
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

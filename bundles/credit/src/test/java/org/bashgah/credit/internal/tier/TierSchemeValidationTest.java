package org.bashgah.credit.internal.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.FieldError;
import org.bashgah.credit.internal.tier.TierResource.SchemeChange;
import org.bashgah.credit.internal.tier.TierResource.TierChange;
import org.junit.jupiter.api.Test;

/** What PUT /api/v1/credit/tiers accepts: the whole scheme, checked at once. */
class TierSchemeValidationTest {

    @Test
    void aBronzeSilverGoldSchemeIsAccepted() {
        TierScheme scheme = TierResource.validated(new SchemeChange("POINTS", 365, List.of(
            new TierChange("BRONZE", "Bronze", 0L, BigDecimal.ZERO, BigDecimal.ZERO),
            new TierChange("SILVER", "Silver", 1_000L, new BigDecimal("15"), null),
            new TierChange("GOLD", null, 5_000L, new BigDecimal("25.0000"), new BigDecimal("2.5")))));

        assertEquals(List.of("BRONZE", "SILVER", "GOLD"), scheme.codes());
        assertEquals("GOLD", scheme.tiers().get(2).name());
        assertEquals(BigDecimal.ZERO, scheme.tiers().get(1).discountPercent());
        assertEquals(new BigDecimal("25"), scheme.tiers().get(2).extraCreditPercent());
        assertEquals(365, scheme.windowDays());
    }

    @Test
    void everyFieldAtFaultIsNamed() {
        Invalid e = assertThrows(Invalid.class, () -> TierResource.validated(new SchemeChange("BALANCE", 0, List.of(
            new TierChange("bronze", "Bronze", 10L, new BigDecimal("-1"), null),
            new TierChange("SILVER", "<b>Silver</b>", 1_000L, new BigDecimal("100.5"), new BigDecimal("0.00001")),
            new TierChange("GOLD", "Gold", 1_000L, null, null),
            new TierChange("GOLD", "Gold", 2_000L, null, null)))));

        assertEquals(List.of("measure", "windowDays", "tiers[0].code", "tiers[0].threshold",
            "tiers[0].extraCreditPercent", "tiers[1].name", "tiers[1].extraCreditPercent", "tiers[1].discountPercent",
            "tiers[2].threshold", "tiers[3].code"), fields(e));
    }

    @Test
    void measureWindowAndTiersAreRequired() {
        assertEquals(List.of("measure", "windowDays", "tiers"),
            fields(assertThrows(Invalid.class, () -> TierResource.validated(new SchemeChange(null, null, null)))));
        assertEquals(List.of("body"), fields(assertThrows(Invalid.class, () -> TierResource.validated(null))));
        assertEquals(List.of("tiers[0].code", "tiers[0].threshold"), fields(assertThrows(Invalid.class,
            () -> TierResource.validated(new SchemeChange("SPEND", 30, List.of(new TierChange(null, null, null, null,
                null)))))));
    }

    @Test
    void thresholdsRiseStrictlyFromZero() {
        assertEquals(List.of("tiers[1].threshold", "tiers[2].threshold"), fields(assertThrows(Invalid.class,
            () -> TierResource.validated(new SchemeChange("SPEND", 3650, List.of(
                new TierChange("BRONZE", null, 0L, null, null),
                new TierChange("SILVER", null, -5L, null, null),
                new TierChange("GOLD", null, -1L, null, null)))))));
    }

    @Test
    void atMostTwentyTiers() {
        List<TierChange> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) many.add(new TierChange("T" + i, null, (long) i * 10, null, null));
        assertEquals(List.of("tiers"), fields(assertThrows(Invalid.class,
            () -> TierResource.validated(new SchemeChange("POINTS", 365, many)))));
        assertEquals(20, TierResource.validated(new SchemeChange("POINTS", 365, many.subList(0, 20))).tiers().size());
    }

    @Test
    void aTierCodeIsUpperCaseAndAtMost32Long() {
        String thirtyTwo = "A" + "B".repeat(31);
        assertEquals(List.of("tiers[0].code"), fields(assertThrows(Invalid.class, () -> TierResource.validated(
            new SchemeChange("POINTS", 1, Arrays.asList(new TierChange(thirtyTwo + "C", null, 0L, null, null)))))));
        assertEquals(List.of(thirtyTwo), TierResource.validated(new SchemeChange("POINTS", 1,
            List.of(new TierChange(thirtyTwo, null, 0L, null, null)))).codes());
    }

    private static List<String> fields(Invalid e) {
        return e.errors().stream().map(FieldError::field).toList();
    }
}

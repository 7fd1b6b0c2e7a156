package org.bashgah.partners.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages of amounts, exact and rounded down (docs/ledger.md: the member is never given a fraction). */
public final class Money {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static long percentOf(long amount, BigDecimal percent) {
        if (percent == null || percent.signum() <= 0 || amount <= 0) return 0;
        return BigDecimal.valueOf(amount).multiply(percent).divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
    }
}

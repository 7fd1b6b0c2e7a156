package org.bashgah.core.internal.ledger;

import java.math.BigInteger;

/**
 * Proportional amounts, rounded down (the rounding rule of the ledger: a member is never given a
 * fraction of a currency unit or point that was not earned). Exact for any amounts up to 2^63.
 */
public final class Shares {
    private Shares() {
    }

    /** {@code floor(total * part / whole)}; 0 when {@code whole} is 0. */
    public static long share(long total, long part, long whole) {
        if (whole == 0) return 0;
        return BigInteger.valueOf(total).multiply(BigInteger.valueOf(part))
            .divide(BigInteger.valueOf(whole)).longValueExact();
    }

    /**
     * The part of {@code total} that belongs to moving from {@code before} to {@code after} of
     * {@code whole}: {@code share(after) - share(before)}. Summed over steps that end at {@code whole},
     * it gives exactly {@code total}, so partial refunds never leave a unit behind.
     */
    public static long step(long total, long before, long after, long whole) {
        return share(total, after, whole) - share(total, before, whole);
    }
}

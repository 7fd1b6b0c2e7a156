package org.bashgah.bench;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The synthetic chain, a pure function of its sizes: member {@code i}'s phone, which member buys, what a
 * basket costs. The generator and the load generator use the same model, so the load generator can post
 * for members the generator created without reading them back.
 */
final class Chain {
    static final String[] PRODUCT_GROUPS = {
        "apparel", "shoes", "bags", "cosmetics", "perfume", "kids", "sport", "accessories",
        "home", "electronics", "books", "toys", "grocery", "cafe", "gifts", "services"
    };
    /**
     * Who buys: the top 2% of members (regulars) make 20% of the purchases, the next 18% make 40%, and the
     * remaining 80% (occasional buyers) the other 40%; uniform inside each segment. A steeper pick (say
     * u^3) would send a tenth of all purchases to member 0, which no chain sees and which measures lock
     * contention on one row rather than the posting path.
     */
    static final double[] SEGMENT_MEMBERS = {0.02, 0.20, 1.0};
    static final double[] SEGMENT_PURCHASES = {0.20, 0.60, 1.0};

    final int branches;
    final int members;

    Chain(int branches, int members) {
        if (branches < 1 || members < 1) throw new IllegalArgumentException("branches and members must be >= 1");
        if (members > 8_999_999) throw new IllegalArgumentException("at most 8,999,999 members (+98912 + 7 digits)");
        this.branches = branches;
        this.members = members;
    }

    static String branchCode(int b) {
        return "bench-" + (b + 1);
    }

    /** E.164 phone of member {@code i}: +98912 followed by seven digits, from 1000000 up. */
    static String phone(int i) {
        return "+98912" + (1_000_000 + i);
    }

    /** A member index, skewed: a few frequent buyers, many rare ones (see {@link #SEGMENT_MEMBERS}). */
    int pickMember(SplittableRandom r) {
        double u = r.nextDouble();
        int seg = 0;
        while (u >= SEGMENT_PURCHASES[seg]) seg++;
        int from = (int) (seg > 0 ? SEGMENT_MEMBERS[seg - 1] * members : 0);
        int to = Math.max(from + 1, (int) (SEGMENT_MEMBERS[seg] * members));
        return Math.min(members - 1, from + r.nextInt(to - from));
    }

    /** Members shop mostly at their home branch (the one they joined at), sometimes elsewhere. */
    static int homeBranch(int member, int branches) {
        return Math.floorMod(member * 7919, branches);
    }

    int pickBranch(int member, SplittableRandom r) {
        return r.nextDouble() < 0.8 ? homeBranch(member, branches) : r.nextInt(branches);
    }

    /**
     * A basket amount in rial: log-normal with a median of about 1,500,000 and a long tail, rounded to
     * 1,000 and kept between 10,000 and 200,000,000.
     */
    static long amount(SplittableRandom r) {
        double g = gaussian(r);
        double v = Math.exp(Math.log(1_500_000) + 1.0 * g);
        long a = Math.round(v / 1000.0) * 1000L;
        return Math.max(10_000L, Math.min(200_000_000L, a));
    }

    /** Product groups: a few are bought much more than the rest. */
    static String pickGroup(SplittableRandom r) {
        double u = r.nextDouble();
        return PRODUCT_GROUPS[(int) (u * u * PRODUCT_GROUPS.length)];
    }

    /** How many lines a basket has: mostly one, sometimes two or three. */
    static int lineCount(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.7 ? 1 : u < 0.92 ? 2 : 3;
    }

    /** Splits {@code amount} into {@code n} positive parts that add up to it exactly. */
    static long[] split(long amount, int n, SplittableRandom r) {
        long[] parts = new long[n];
        long left = amount;
        for (int k = 0; k < n - 1; k++) {
            long max = left - (n - 1 - k); // leave at least 1 for each of the rest
            long p = Math.max(1, Math.min(max, (long) (left * (0.2 + 0.6 * r.nextDouble()))));
            parts[k] = p;
            left -= p;
        }
        parts[n - 1] = left;
        return parts;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        double u1 = Math.max(Double.MIN_VALUE, r.nextDouble());
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static SplittableRandom random(long seed) {
        return new SplittableRandom(new Random(seed).nextLong());
    }
}

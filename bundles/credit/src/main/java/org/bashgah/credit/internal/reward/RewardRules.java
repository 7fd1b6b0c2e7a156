package org.bashgah.credit.internal.reward;

import java.util.List;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Validation;

/** The catalogue's rules apart from storage and HTTP: what a reward may be, where and when it may be claimed, what points convert to. */
final class RewardRules {
    static final int MAX_NAME = 200;
    static final int MAX_BRANCHES = 200;
    /**
     * A client's idempotency key is prefixed in the ledger ({@code reward-claim:}, {@code points-conversion:})
     * whose keys hold 100 characters; 80 leaves room for both.
     */
    static final int MAX_KEY = 80;

    private RewardRules() {
    }

    /** Checks a new or changed reward's fields; a null field is not checked (a PATCH leaves it as it is). */
    static Validation check(Validation v, String name, Long pointsCost, Long stock, List<String> branches) {
        v.check(name == null || !name.isBlank(), "name", "must not be blank")
            .name("name", name, MAX_NAME)
            .positive("pointsCost", pointsCost)
            .notNegative("stock", stock);
        if (branches != null) {
            v.check(branches.size() <= MAX_BRANCHES, "branches", "may name at most " + MAX_BRANCHES + " branches");
            for (int i = 0; i < Math.min(branches.size(), MAX_BRANCHES); i++) {
                v.require("branches[" + i + "]", branches.get(i)).code("branches[" + i + "]", branches.get(i));
            }
        }
        return v;
    }

    /** Each branch code once, sorted; null or empty: every branch. */
    static List<String> normalise(List<String> branches) {
        return branches == null ? List.of() : branches.stream().distinct().sorted().toList();
    }

    static boolean claimableAt(List<String> branches, String branch) {
        return branches.isEmpty() || branches.contains(branch);
    }

    /** @throws Rejected unless a claim at {@code branch} may take one of the reward now */
    static void requireClaimable(String name, boolean active, Long stock, List<String> branches, String branch) {
        if (!active) throw new Rejected("reward", "reward " + name + " is not active");
        if (!claimableAt(branches, branch)) {
            throw new Rejected("branch", "reward " + name + " cannot be claimed at branch " + branch);
        }
        if (stock != null && stock <= 0) throw new Rejected("reward", "reward " + name + " is out of stock");
    }

    /** @throws Rejected when the member has fewer points than the reward costs */
    static void requirePoints(long balance, long cost) {
        if (balance < cost) {
            throw new Rejected("member", "not enough points: the member has " + balance + ", the reward costs " + cost);
        }
    }

    /** What {@code points} convert to at the policy's point value: exact, so there is nothing to round. */
    static long creditFor(long points, long pointValue) {
        if (pointValue <= 0) throw new Rejected("points", "points have no credit value under the policy in force");
        try {
            return Math.multiplyExact(points, pointValue);
        } catch (ArithmeticException e) {
            throw new Rejected("points", "too many points to convert at once");
        }
    }
}

package org.bashgah.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts purchases, and redemptions for members known to have shared credit, against members of a chain
 * the generator created (same --members and --branches), as fast as {@code threads} closed-loop clients can.
 */
final class Load {
    static final String USAGE = """
            load --url http://127.0.0.1:8181 --password <admin password>
                 [--branches 20] [--members 1000] [--threads 8] [--duration 60] [--warmup 10]
                 [--redeem-share 0.1] [--seed <now>] [--progress 5]""";

    /** Shared credit each member had after their last answered purchase (learnt from the replies). */
    private final ConcurrentHashMap<Integer, Long> credit = new ConcurrentHashMap<>();
    private final AtomicLong redemptions = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Unexpected answers so far: the first few are printed, so that a run full of errors says why. */
    private final AtomicLong unexpected = new AtomicLong();
    private final Chain chain;
    private final double redeemShare;
    private final long seed;
    private final String runId;

    Load(Chain chain, double redeemShare, long seed) {
        this.chain = chain;
        this.redeemShare = redeemShare;
        this.seed = seed;
        this.runId = Long.toString(seed, 36);
    }

    static Runner.Result run(Args a) throws Exception {
        int threads = a.integer("threads", 8);
        Api admin = new Api(a.str("url", "http://127.0.0.1:8181"), threads).login(a.str("user", "admin"), a.required("password"));
        Api pos = admin.withNewApiKey("bench-load", threads);
        Load load = new Load(new Chain(a.integer("branches", 20), a.integer("members", 1000)),
                a.dbl("redeem-share", 0.1), a.lng("seed", System.currentTimeMillis()));
        return load.run(pos, threads, a.integer("warmup", 10), a.integer("duration", 60), a.integer("progress", 5));
    }

    Runner.Result run(Api pos, int threads, int warmup, int duration, int progress) throws Exception {
        Runner.Result r = Runner.run("purchases", threads, warmup, duration, progress, t -> {
            SplittableRandom rnd = Chain.random(seed * 31 + t);
            long[] n = {0};
            return () -> post(pos, rnd, "load-" + runId + "-" + t + "-" + (n[0]++));
        });
        System.out.printf("load: %,d of the postings redeemed shared credit, %,d refused (422)%n", redemptions.get(), refused.get());
        return r;
    }

    long redemptions() {
        return redemptions.get();
    }

    private boolean post(Api pos, SplittableRandom r, String key) throws Exception {
        int m = chain.pickMember(r);
        long amount = Chain.amount(r);
        int n = Chain.lineCount(r);
        long[] parts = Chain.split(amount, n, r);
        ObjectNode body = Api.JSON.createObjectNode()
                .put("idempotencyKey", key)
                .put("member", Chain.phone(m))
                .put("branch", Chain.branchCode(chain.pickBranch(m, r)))
                .put("amount", amount);
        ArrayNode lines = body.putArray("lines");
        for (long part : parts) lines.addObject().put("productGroup", Chain.pickGroup(r)).put("amount", part);
        Long has = credit.get(m);
        boolean redeem = has != null && has > 0 && r.nextDouble() < redeemShare;
        if (redeem) {
            // spend up to half of what the member has, never more than half of the basket
            long x = Math.max(1, Math.min(has / 2, amount / 2));
            body.putObject("redeem").put("sharedCredit", x);
        }
        Api.Reply reply = pos.post("/purchases", body.toString());
        if (reply.status() == 201 || reply.status() == 200) {
            JsonNode balances = reply.json().path("balances");
            credit.put(m, balances.path("sharedCredit").asLong());
            if (redeem) redemptions.incrementAndGet();
            return true;
        }
        if (reply.status() == 422 && redeem) {
            // a concurrent posting spent the credit first, or the redemption cap: forget what we knew
            refused.incrementAndGet();
            credit.remove(m);
            return false;
        }
        if (unexpected.getAndIncrement() < 3) {
            String text = reply.body() == null ? "" : reply.body();
            System.out.println("  [purchases] HTTP " + reply.status() + ": " + text.substring(0, Math.min(300, text.length())));
        }
        return false;
    }
}

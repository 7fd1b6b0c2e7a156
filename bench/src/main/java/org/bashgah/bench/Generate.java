package org.bashgah.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates the synthetic chain over HTTP: branches, members, then purchases spread over the past months.
 * Idempotent: a second run with the same sizes and seed creates nothing twice (409 for existing branches
 * and members, 200 replays for purchases whose idempotency key is already posted).
 */
final class Generate {
    static final String USAGE = """
            generate --url http://127.0.0.1:8181 --password <admin password>
                     [--user admin] [--branches 20] [--members 1000] [--purchases 10000] [--months 12]
                     [--concurrency 4] [--seed 1] [--until 2026-11-23] [--progress 5]
              re-running with the same sizes, --seed and --until creates nothing twice
              full size: --members 1000000 --purchases 10000000 (about a day on 2 cores; see bench/README.md)""";

    final Api admin;
    final Api pos;
    final Chain chain;
    final long purchases;
    final int months;
    final int concurrency;
    final long seed;
    final int progressSeconds;
    final Instant until;
    /** Answers meaning "was already there" (409 for branches and members, 200 replays for purchases). */
    private final AtomicLong existing = new AtomicLong();

    Generate(Args a) throws Exception {
        this.concurrency = a.integer("concurrency", 4);
        this.admin = new Api(a.str("url", "http://127.0.0.1:8181"), concurrency)
                .login(a.str("user", "admin"), a.required("password"));
        this.pos = admin.withNewApiKey("bench-generate", concurrency);
        this.chain = new Chain(a.integer("branches", 20), a.integer("members", 1000));
        this.purchases = a.lng("purchases", 10_000);
        this.months = a.integer("months", 12);
        this.seed = a.lng("seed", 1);
        this.progressSeconds = a.integer("progress", 5);
        // purchases end at the start of this day (UTC): a re-run the same day sends the same bodies
        this.until = LocalDate.parse(a.str("until", LocalDate.now(ZoneOffset.UTC).toString())).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    void run() throws Exception {
        System.out.printf("generate: %d branches, %,d members, %,d purchases over %d months, concurrency %d%n",
                chain.branches, chain.members, purchases, months, concurrency);
        long t0 = System.nanoTime();
        branches();
        members();
        purchases();
        System.out.printf("generate: done in %s%n", Progress.duration((System.nanoTime() - t0) / 1_000_000_000L));
    }

    private void branches() throws Exception {
        for (int b = 0; b < chain.branches; b++) {
            ObjectNode body = Api.JSON.createObjectNode().put("code", Chain.branchCode(b)).put("name", "Bench branch " + (b + 1));
            Api.Reply r = admin.post("/branches", body.toString());
            if (r.status() != 201 && r.status() != 409) throw new IllegalStateException("branch: " + r.status() + " " + r.body());
        }
        System.out.printf("generate: %d branches ready%n", chain.branches);
    }

    private void members() throws Exception {
        existing.set(0);
        try (Progress p = new Progress("members", chain.members, progressSeconds, null)) {
            parallel(chain.members, p, i -> {
                int m = (int) i;
                ObjectNode body = Api.JSON.createObjectNode()
                        .put("phone", Chain.phone(m))
                        .put("name", "Member " + m)
                        .put("branch", Chain.branchCode(Chain.homeBranch(m, chain.branches)))
                        .put("smsOptIn", m % 3 == 0);
                Api.Reply r = pos.post("/members", body.toString());
                if (r.status() == 409) existing.incrementAndGet();
                return r.status() == 201 || r.status() == 409 ? null : r.status() + " " + r.body();
            });
            System.out.printf("generate: %,d members in %.0fs (%,d already there, %,d failed)%n", chain.members, p.elapsedSeconds(),
                    existing.get(), p.failed.sum());
        }
    }

    private void purchases() throws Exception {
        Instant now = until;
        long span = Duration.ofDays(30L * months).toSeconds();
        // purchase i is a pure function of (seed, i): a re-run posts the same bodies under the same keys
        existing.set(0);
        try (Progress p = new Progress("purchases", purchases, progressSeconds, null)) {
            parallel(purchases, p, i -> {
                SplittableRandom r = Chain.random(seed * 1_000_003L + i);
                int m = chain.pickMember(r);
                long amount = Chain.amount(r);
                int n = Chain.lineCount(r);
                long[] parts = Chain.split(amount, n, r);
                // spread evenly over the span, oldest first in index order with jitter, so history grows forward
                long offset = span - (long) ((i + r.nextDouble()) * span / purchases);
                ObjectNode body = Api.JSON.createObjectNode()
                        .put("idempotencyKey", "gen-" + seed + "-" + i)
                        .put("member", Chain.phone(m))
                        .put("branch", Chain.branchCode(chain.pickBranch(m, r)))
                        .put("at", now.minusSeconds(Math.max(1, offset)).toString())
                        .put("amount", amount);
                ArrayNode lines = body.putArray("lines");
                for (long part : parts) lines.addObject().put("productGroup", Chain.pickGroup(r)).put("amount", part);
                Api.Reply reply = pos.post("/purchases", body.toString());
                if (reply.status() == 200) existing.incrementAndGet();
                return reply.status() == 201 || reply.status() == 200 ? null : reply.status() + " " + reply.body();
            });
            System.out.printf("generate: %,d purchases in %.0fs (%,d replayed: already posted, %,d failed)%n", purchases,
                    p.elapsedSeconds(), existing.get(), p.failed.sum());
        }
    }

    interface Task {
        /** Returns null on success, or what went wrong. */
        String run(long i) throws Exception;
    }

    /** Runs tasks 0..total-1 on {@code concurrency} threads, each thread taking the next index. */
    void parallel(long total, Progress p, Task task) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong reported = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    String error;
                    try {
                        error = task.run(i);
                    } catch (Exception e) {
                        error = e.toString();
                    }
                    if (error != null) {
                        p.failed.increment();
                        if (reported.incrementAndGet() <= 5) System.out.println("  failed #" + i + ": " + error);
                    }
                    p.done.increment();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(365, TimeUnit.DAYS);
    }
}

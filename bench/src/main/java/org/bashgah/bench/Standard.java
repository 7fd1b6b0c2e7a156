package org.bashgah.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard benchmark: optionally generate the chain, then, each with the same threads and duration: the HTTP
 * ceiling, the purchase load, the JDBC ceiling on a throw-away Derby (and on PostgreSQL with --postgres); writes
 * bench/results/&lt;date&gt;.md. The purchase load warms longer than the rest ({@link #PURCHASE_WARMUP}).
 */
final class Standard {
    static final String USAGE = """
            standard --url http://127.0.0.1:8181 --password <admin password>
                     [--branches 20] [--members 1000] [--purchases 10000] [--months 12] [--skip-generate]
                     [--threads 8] [--duration 30] [--warmup 10] [--purchase-warmup 150] [--redeem-share 0.1]
                     [--postgres jdbc:postgresql://... --pg-user bashgah --pg-password bashgah]
                     [--derby-dir bench/target/jdbc-ceiling] [--results bench/results] [--label text]""";

    /**
     * Seconds of purchase load before the purchases row is measured. On 2 cores the server's JIT compiler works
     * through the posting path for one to two minutes of load (one core busy compiling, C2's queue thousands of
     * methods long); a shorter warm-up measures the compiler, not the server (docs/performance.md, 2026-12-07).
     */
    static final int PURCHASE_WARMUP = 150;

    private final Args a;

    Standard(Args a) {
        this.a = a;
    }

    static String defaultDerbyDir() {
        return Files.isDirectory(Path.of("bench")) ? "bench/target/jdbc-ceiling" : "target/jdbc-ceiling";
    }

    static String defaultResultsDir() {
        return Files.isDirectory(Path.of("bench")) ? "bench/results" : "results";
    }

    /** GET /api/v1/auth/me with a user token: authenticated, no database write, the cheapest resource there is. */
    static Runner.Result httpCeiling(Args a) throws Exception {
        int threads = a.integer("threads", 8);
        Api admin = new Api(a.str("url", "http://127.0.0.1:8181"), threads).login(a.str("user", "admin"), a.required("password"));
        return httpCeiling(admin, threads, a.integer("warmup", 10), a.integer("duration", 60), a.integer("progress", 5));
    }

    static Runner.Result httpCeiling(Api api, int threads, int warmup, int duration, int progress) throws Exception {
        return Runner.run("http-ceiling", threads, warmup, duration, progress, t -> () -> api.get("/auth/me").status() == 200);
    }

    void run() throws Exception {
        int threads = a.integer("threads", 8);
        int warmup = a.integer("warmup", 10);
        int purchaseWarmup = a.integer("purchase-warmup", PURCHASE_WARMUP);
        int duration = a.integer("duration", 30);
        int progress = a.integer("progress", 5);
        Chain chain = new Chain(a.integer("branches", 20), a.integer("members", 1000));
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        if (!a.flag("skip-generate")) new Generate(a).run();

        Api admin = new Api(a.str("url", "http://127.0.0.1:8181"), threads).login(a.str("user", "admin"), a.required("password"));
        List<Runner.Result> results = new ArrayList<>();
        Runner.Result http = httpCeiling(admin, threads, warmup, duration, progress);
        results.add(http);

        Load load = new Load(chain, a.dbl("redeem-share", 0.1), System.currentTimeMillis());
        Runner.Result purchases = load.run(admin.withNewApiKey("bench-standard", threads), threads, purchaseWarmup, duration,
            progress);
        results.add(purchases);

        JdbcCeiling derby = JdbcCeiling.derby(Path.of(a.str("derby-dir", defaultDerbyDir())), chain);
        derby.prepare();
        Runner.Result jdbcDerby = derby.run("jdbc-derby", threads, warmup, duration, progress);
        results.add(jdbcDerby);
        JdbcCeiling.shutdownDerby();

        Runner.Result jdbcPg = null;
        if (a.has("postgres")) {
            JdbcCeiling pg = new JdbcCeiling(a.str("postgres", null), a.str("pg-user", "bashgah"), a.str("pg-password", "bashgah"), chain);
            pg.prepare();
            jdbcPg = pg.run("jdbc-postgresql", threads, warmup, duration, progress);
            results.add(jdbcPg);
        }

        String table = table(started, chain, threads, warmup, purchaseWarmup, duration, results, http, purchases, jdbcDerby, jdbcPg, load.redemptions());
        Path dir = Path.of(a.str("results", defaultResultsDir()));
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".md");
        if (Files.exists(file)) {
            file = dir.resolve(LocalDate.now(ZoneOffset.UTC) + "-" + System.currentTimeMillis() / 1000 + ".md");
        }
        Files.writeString(file, table);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + file);
    }

    private String table(String started, Chain chain, int threads, int warmup, int purchaseWarmup, int duration,
            List<Runner.Result> results,
            Runner.Result http, Runner.Result purchases, Runner.Result jdbcDerby, Runner.Result jdbcPg, long redemptions)
            throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("# Bashgah standard benchmark, ").append(started).append("\n\n");
        if (a.has("label")) s.append(a.str("label", "")).append("\n\n");
        s.append(String.format("- machine: %d cores (`availableProcessors`), %s %s, Java %s; load generator on the same machine%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version")));
        s.append(String.format("- server: %s; chain: %d branches, %,d members", a.str("url", "http://127.0.0.1:8181"),
                chain.branches, chain.members));
        if (!a.flag("skip-generate")) {
            s.append(String.format(", %,d generated purchases over %d months", a.lng("purchases", 10_000), a.integer("months", 12)));
        }
        s.append("\n");
        s.append(String.format("- each row: %d closed-loop threads, %ds warm-up (purchases: %ds, for the server's JIT), %ds"
                + " measured; latency in ms (HdrHistogram); load avg: the machine's 1-minute load average at the start → end"
                + " of the measured part (above the core count, something else competes for the CPU)%n%n",
                threads, warmup, purchaseWarmup, duration));
        s.append("| run | what | ok/s | p50 | p90 | p99 | p99.9 | max | ok | errors | load avg |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Runner.Result r : results) {
            String what = switch (r.name()) {
                case "http-ceiling" -> "`GET /api/v1/auth/me` (user token): closest cheap authenticated resource, no dedicated ping";
                case "purchases" -> String.format("`POST /api/v1/purchases` (chain API key), %,d with a shared-credit redemption", redemptions);
                case "jdbc-derby" -> "a purchase's rows by plain JDBC, one transaction each, embedded Derby (in the bench JVM)";
                case "jdbc-postgresql" -> "a purchase's rows by plain JDBC, one transaction each, PostgreSQL";
                default -> "";
            };
            s.append(String.format("| %s | %s | %,.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %,d | %,d | %s |%n", r.name(), what,
                    r.throughput(), r.ms(50), r.ms(90), r.ms(99), r.ms(99.9),
                    r.latency().getTotalCount() == 0 ? Double.NaN : r.latency().getMaxValue() / 1000.0, r.ok(), r.errors(),
                    r.loadAverage()));
        }
        s.append("\n| ratio | value |\n|---|---:|\n");
        s.append(String.format("| purchases / HTTP ceiling | %.1f%% |%n", 100 * purchases.throughput() / http.throughput()));
        s.append(String.format("| purchases / JDBC ceiling (Derby) | %.1f%% |%n", 100 * purchases.throughput() / jdbcDerby.throughput()));
        if (jdbcPg != null) {
            s.append(String.format("| purchases / JDBC ceiling (PostgreSQL) | %.1f%% |%n", 100 * purchases.throughput() / jdbcPg.throughput()));
        }
        s.append("\nThe server's database is whatever it is configured with (Derby unless bashgah-postgresql is set up); "
                + "compare it with the JDBC ceiling of the same database.\n");
        return s.toString();
    }
}

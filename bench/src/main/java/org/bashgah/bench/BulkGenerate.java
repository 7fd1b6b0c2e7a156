package org.bashgah.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The full-size chain without the REST API: writes, by JDBC into a database a Bashgah server has created
 * (and that no server uses meanwhile), the rows the server itself would have written for the same synthetic
 * chain ({@link Chain}) under the default policy — members with their aggregates and counters, purchases
 * and lines, each purchase's two ledger entries (5% shared credit expiring after 365 days, one point per
 * 10,000) with their lots, the balances, the idempotency rows and, when bashgah-credit's tables exist, the
 * tier tallies. {@code bashgah:ledger-verify} finds the result clean.
 *
 * <p>Two passes over the same seeded purchase stream: the first only adds up each member's aggregates (so a
 * member row is written once, complete), the second writes purchases in chunks, one transaction each.
 * PostgreSQL is written with COPY, Derby with JDBC batches.
 */
final class BulkGenerate {
    static final String USAGE = """
            generate-bulk --jdbc <url of the server's database> [--db-user u --db-password p] [--org main]
                 [--branches 20] [--members 1000000] [--purchases 10000000] [--months 12] [--seed 1]
                 [--chunk 20000] [--progress 5]   (the server stopped; give the JVM -Xmx4g for full size)""";

    private static final long CREDIT_PERCENT = 5;
    private static final long AMOUNT_PER_POINT = 10_000;
    private static final Duration CREDIT_EXPIRY = Duration.ofDays(365);
    private static final String ACTOR = "bench:generate-bulk";
    private static final String SOURCE = "credit-policy:default";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    /** Counter slots per member: branches first, then the product groups. */
    private static final int GROUP_SLOT = 1 << 12;

    private final String url;
    private final String user;
    private final String password;
    private final String orgCode;
    private final Chain chain;
    private final long purchases;
    private final Instant from;
    private final long spanMillis;
    private final long seed;
    private final int chunk;
    private final int progressSeconds;

    BulkGenerate(Args a) {
        this.url = a.str("jdbc", null);
        if (url == null) throw new IllegalArgumentException("--jdbc is required (the server's database)");
        this.user = a.str("db-user", null);
        this.password = a.str("db-password", null);
        this.orgCode = a.str("org", "main");
        this.chain = new Chain(a.integer("branches", 20), a.integer("members", 1_000_000));
        if (chain.branches >= GROUP_SLOT) throw new IllegalArgumentException("at most " + (GROUP_SLOT - 1) + " branches");
        this.purchases = a.lng("purchases", 10_000_000);
        int months = a.integer("months", 12);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.from = now.minus(Duration.ofDays(30L * months));
        this.spanMillis = Duration.between(from, now).toMillis();
        this.seed = a.lng("seed", 1);
        this.chunk = a.integer("chunk", 20_000);
        this.progressSeconds = a.integer("progress", 5);
    }

    /** What purchase {@code i} of the stream is: a pure function of the seed and {@code i}. */
    private record Basket(int member, int branch, Instant at, long amount, String[] groups, long[] parts) {
        long credit() {
            return amount * CREDIT_PERCENT / 100;
        }

        long points() {
            return amount / AMOUNT_PER_POINT;
        }
    }

    private Basket basket(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        int member = chain.pickMember(r);
        int branch = chain.pickBranch(member, r);
        long amount = Chain.amount(r);
        int n = Chain.lineCount(r);
        long[] parts = Chain.split(amount, n, r);
        String[] groups = new String[n];
        for (int k = 0; k < n; k++) groups[k] = Chain.pickGroup(r);
        Instant at = from.plusMillis(spanMillis * i / purchases);
        return new Basket(member, branch, at, amount, groups, parts);
    }

    static String memberId(long seed, int i) {
        return UUID.nameUUIDFromBytes(("bulk-member-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String purchaseId(long i) {
        return UUID.nameUUIDFromBytes(("bulk-purchase-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    void run() throws Exception {
        long started = System.nanoTime();
        System.out.printf("generate-bulk: %,d members, %,d purchases over %d branches into %s%n", chain.members,
                purchases, chain.branches, url);
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off"); // a bulk load: a crash means starting again anyway
                }
            }
            String org = organisation(c);
            refuseIfNotEmpty(c, org);
            boolean credit = tableExists(c, "credit_tier_tally");
            Rows rows = postgres ? new CopyRows(c) : new BatchRows(c);
            branches(c, org);

            Totals totals = addUp();
            // PostgreSQL builds an index from sorted rows far faster than it maintains it row by row
            List<String[]> secondary = postgres ? dropSecondaryIndexes(c) : List.of();
            writeMembers(c, rows, org, totals);
            long entryBase = nextId(c, "core_ledger_entry");
            long tallyBase = credit ? nextId(c, "credit_tier_tally") : 0;
            writePurchases(c, rows, org, credit, entryBase, tallyBase);
            recreate(c, secondary);
            restartIdentity(c, "core_ledger_entry", entryBase + 2 * purchases);
            restartSequence(c, postgres, "core_ledger_entry_seq", entryBase + 2 * purchases);
            if (credit) {
                restartIdentity(c, "credit_tier_tally", tallyBase + purchases);
                restartSequence(c, postgres, "credit_tier_tally_seq", tallyBase + purchases);
            }
            if (postgres) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    // VACUUM as well: a freshly loaded table has no visibility map and no hint bits, which the
                    // first reads and autovacuum would otherwise write during the benchmark measuring it
                    System.out.println("generate-bulk: VACUUM ANALYZE (visibility map, hint bits, the planner's statistics)");
                    s.execute("VACUUM ANALYZE");
                }
            }
            if (!credit) System.out.println("generate-bulk: no credit tables (bashgah-credit never ran here): no tier tallies written");
        }
        System.out.printf("generate-bulk: done in %s%n", Progress.duration((System.nanoTime() - started) / 1_000_000_000L));
    }

    private String organisation(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM core_organisation WHERE code = ?")) {
            ps.setString(1, orgCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no organisation '" + orgCode + "' in " + url
                            + ": start a Bashgah server on this database once (it creates the tables and the organisation), stop it, then run this");
                }
                return rs.getString(1);
            }
        }
    }

    private void refuseIfNotEmpty(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM core_member WHERE org_id = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("organisation '" + orgCode + "' already has " + rs.getLong(1)
                            + " members: generate-bulk writes into an empty chain only (use a fresh database)");
                }
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase()}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) return true;
            }
        }
        return false;
    }

    private void branches(Connection c, String org) throws SQLException {
        int added = 0;
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM core_branch WHERE org_id = ? AND code = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO core_branch (id, org_id, code, name, active, created_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int b = 0; b < chain.branches; b++) {
                exists.setString(1, org);
                exists.setString(2, Chain.branchCode(b));
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) continue;
                }
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, org);
                insert.setString(3, Chain.branchCode(b));
                insert.setString(4, "Bench branch " + (b + 1));
                insert.setBoolean(5, true);
                insert.setTimestamp(6, Timestamp.from(from.minus(Duration.ofDays(30))));
                insert.executeUpdate();
                added++;
            }
        }
        c.commit();
        System.out.printf("generate-bulk: %d branches ready (%d added)%n", chain.branches, added);
    }

    /** Each member's aggregates after the whole stream, as the purchase path keeps them. */
    private static final class Totals {
        final int[] visits;
        final long[] spend;
        final long[] first;
        final long[] last;
        final long[] credit;
        final long[] points;
        /** (member << 13 | slot) -> {visits, amount, last at} */
        final Map<Long, long[]> counters = new HashMap<>();

        Totals(int members) {
            visits = new int[members];
            spend = new long[members];
            first = new long[members];
            last = new long[members];
            credit = new long[members];
            points = new long[members];
        }

        void count(int member, int slot, long amount, long at) {
            long[] c = counters.computeIfAbsent(((long) member << 13) | slot, k -> new long[3]);
            c[0]++;
            c[1] += amount;
            c[2] = Math.max(c[2], at);
        }
    }

    private Totals addUp() {
        Totals t = new Totals(chain.members);
        try (Progress p = new Progress("add up", purchases, progressSeconds, null)) {
            for (long i = 0; i < purchases; i++) {
                Basket b = basket(i);
                long at = b.at().toEpochMilli();
                int m = b.member();
                if (t.visits[m] == 0) t.first[m] = at;
                t.visits[m]++;
                t.spend[m] += b.amount();
                t.last[m] = at;
                t.credit[m] += b.credit();
                t.points[m] += b.points();
                t.count(m, b.branch(), b.amount(), at);
                for (Map.Entry<String, Long> g : perGroup(b).entrySet()) {
                    t.count(m, GROUP_SLOT + groupIndex(g.getKey()), g.getValue(), at);
                }
                p.done.increment();
            }
        }
        return t;
    }

    private static Map<String, Long> perGroup(Basket b) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (int k = 0; k < b.groups().length; k++) sums.merge(b.groups()[k], b.parts()[k], Long::sum);
        return sums;
    }

    private static int groupIndex(String group) {
        for (int g = 0; g < Chain.PRODUCT_GROUPS.length; g++) if (Chain.PRODUCT_GROUPS[g].equals(group)) return g;
        throw new IllegalArgumentException(group);
    }

    private void writeMembers(Connection c, Rows rows, String org, Totals t) throws Exception {
        Map<Integer, List<long[]>> countersByMember = new HashMap<>();
        List<Map.Entry<Long, long[]>> all = new ArrayList<>(t.counters.entrySet());
        for (Map.Entry<Long, long[]> e : all) {
            long key = e.getKey();
            long[] v = e.getValue();
            countersByMember.computeIfAbsent((int) (key >>> 13), k -> new ArrayList<>(4))
                    .add(new long[] {key & ((1 << 13) - 1), v[0], v[1], v[2]});
        }
        t.counters.clear();
        try (Progress p = new Progress("members", chain.members, progressSeconds, null)) {
            for (int m = 0; m < chain.members; m++) {
                SplittableRandom r = new SplittableRandom(seed * 31 + m);
                // joined a little before the first visit, or (never bought) some time in the period
                Instant joined = t.visits[m] > 0 ? Instant.ofEpochMilli(t.first[m]).minusSeconds(60 + r.nextInt(3600))
                        : from.plusMillis((long) (r.nextDouble() * spanMillis));
                String id = memberId(seed, m);
                rows.add("core_member", id, org, Chain.phone(m), null, null, "BRONZE", joined,
                        Chain.branchCode(Chain.homeBranch(m, chain.branches)), null, r.nextDouble() < 0.6,
                        (long) t.visits[m], t.spend[m], t.visits[m] > 0 ? Instant.ofEpochMilli(t.first[m]) : null,
                        t.visits[m] > 0 ? Instant.ofEpochMilli(t.last[m]) : null, null);
                for (long[] counter : countersByMember.getOrDefault(m, List.of())) {
                    int slot = (int) counter[0];
                    boolean group = slot >= GROUP_SLOT;
                    rows.add("core_member_counter", id, group ? "GROUP" : "BRANCH",
                            group ? Chain.PRODUCT_GROUPS[slot - GROUP_SLOT] : Chain.branchCode(slot), counter[1], counter[2],
                            Instant.ofEpochMilli(counter[3]));
                }
                if (t.credit[m] > 0) rows.add("core_balance", id, "SHARED_CREDIT", t.credit[m]);
                if (t.points[m] > 0) rows.add("core_balance", id, "POINTS", t.points[m]);
                p.done.increment();
                if ((m + 1) % chunk == 0) {
                    rows.flush();
                    c.commit();
                }
            }
            rows.flush();
            c.commit();
        }
    }

    private void writePurchases(Connection c, Rows rows, String org, boolean credit, long entryBase, long tallyBase)
            throws Exception {
        try (Progress p = new Progress("purchases", purchases, progressSeconds, null)) {
            for (long i = 0; i < purchases; i++) {
                Basket b = basket(i);
                String id = purchaseId(i);
                String member = memberId(seed, b.member());
                Instant at = b.at();
                String branch = Chain.branchCode(b.branch());
                rows.add("core_purchase", id, org, branch, member, at, b.amount(), 0L, 0L, 0L, 0L, 0L, b.amount(), 0L, at, ACTOR);
                for (int k = 0; k < b.groups().length; k++) {
                    rows.add("core_purchase_line", id, k + 1, b.groups()[k], b.parts()[k], 0L);
                }
                long creditEntry = entryBase + 2 * i;
                Instant expires = at.plus(CREDIT_EXPIRY);
                rows.add("core_ledger_entry", creditEntry, org, member, "SHARED_CREDIT", b.credit(), "EARN", id, SOURCE, null,
                        expires, at, ACTOR);
                rows.add("core_lot", creditEntry, member, "SHARED_CREDIT", b.credit(), expires);
                rows.add("core_ledger_entry", creditEntry + 1, org, member, "POINTS", b.points(), "EARN", id, SOURCE, null,
                        null, at, ACTOR);
                rows.add("core_lot", creditEntry + 1, member, "POINTS", b.points(), null);
                // a stand-in answer: these keys are never replayed, the rows give the key index its full size
                rows.add("core_idempotency", org, "gen-bulk-" + seed + "-" + i, "purchase", "bulk", id,
                        "{\"purchase\":\"" + id + "\",\"generatedBy\":\"generate-bulk\"}", at);
                if (credit) {
                    rows.add("credit_tier_tally", tallyBase + i, org, member, id, LocalDate.ofInstant(at, ZoneOffset.UTC),
                            b.points(), b.amount(), 0L, at);
                }
                p.done.increment();
                if ((i + 1) % chunk == 0) {
                    rows.flush();
                    c.commit();
                }
            }
            rows.flush();
            c.commit();
        }
    }

    /**
     * Drops the indexes of the written tables that back no constraint (the migrations' CREATE INDEX ones),
     * returning each one's name and definition, as PostgreSQL reports it, for {@link #recreate}.
     */
    private static List<String[]> dropSecondaryIndexes(Connection c) throws SQLException {
        List<String[]> dropped = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                + " WHERE i.schemaname = current_schema() AND i.tablename = ANY (?)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
            ps.setArray(1, c.createArrayOf("varchar", ORDER.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) dropped.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] index : dropped) s.execute("DROP INDEX " + index[0]);
        }
        c.commit();
        System.out.printf("generate-bulk: %d secondary indexes dropped for the load, rebuilt at the end%n", dropped.size());
        return dropped;
    }

    private static void recreate(Connection c, List<String[]> indexes) throws SQLException {
        for (String[] index : indexes) {
            long started = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(index[1]);
            }
            c.commit();
            System.out.printf("generate-bulk: index %s rebuilt in %s%n", index[0],
                    Progress.duration((System.nanoTime() - started) / 1_000_000_000L));
        }
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** The identity column continues after the ids written here. */
    private static void restartIdentity(Connection c, String table, long next) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
        c.commit();
    }

    /**
     * The server's entry and tally ids (core_ledger_entry_seq, credit_tier_tally_seq: 50 at a time from 10^12)
     * continue after the ids written here, if those reached them: never lowered, so ids a running server holds
     * stay unused by anyone else.
     */
    private static void restartSequence(Connection c, boolean postgres, String sequence, long next)
            throws SQLException {
        long start = Math.max(next + 50, 1_000_000_000_000L);
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("SELECT setval('" + sequence + "', GREATEST(" + start + ", (SELECT last_value FROM "
                    + sequence + ")))");
            } else {
                long current;
                try (ResultSet rs = s.executeQuery("VALUES NEXT VALUE FOR " + sequence)) {
                    rs.next();
                    current = rs.getLong(1);
                }
                if (current < start) {
                    // Derby cannot ALTER a sequence's next value
                    s.execute("DROP SEQUENCE " + sequence + " RESTRICT");
                    s.execute("CREATE SEQUENCE " + sequence + " AS BIGINT START WITH " + start + " INCREMENT BY 50");
                }
            }
        }
        c.commit();
    }

    /** The columns written per table, in the order {@link Rows#add} takes the values. */
    static final Map<String, String> COLUMNS = Map.of(
            "core_member", "id, org_id, phone, name, birth_date, tier, joined_at, joined_branch, referrer_id, sms_opt_in, visits,"
                    + " total_spend, first_visit, last_visit, tags",
            "core_member_counter", "member_id, dimension, counter_key, visits, amount, last_at",
            "core_balance", "member_id, account, balance",
            "core_purchase", "id, org_id, branch_code, member_id, made_at, amount, discount, redeemed_shared, redeemed_branch,"
                    + " redeemed_points, points_value, payable, refunded, created_at, created_by",
            "core_purchase_line", "purchase_id, line_no, product_group, amount, refunded",
            "core_ledger_entry", "id, org_id, member_id, account, amount, kind, purchase_id, source, note, expires_at, entry_at,"
                    + " created_by",
            "core_lot", "entry_id, member_id, account, remaining, expires_at",
            "core_idempotency", "org_id, idem_key, operation, request_hash, result_id, response, created_at",
            "credit_tier_tally", "id, org_id, member_id, purchase_id, tally_day, points, spend, refunded, counted_at");
    /** Parents before children (foreign keys). */
    static final List<String> ORDER = List.of("core_member", "core_member_counter", "core_balance", "core_purchase",
            "core_purchase_line", "core_ledger_entry", "core_lot", "core_idempotency", "credit_tier_tally");

    /** Rows collected per table and written on {@link #flush}, inside the caller's transaction. */
    interface Rows {
        void add(String table, Object... values) throws SQLException;

        void flush() throws SQLException, IOException;
    }

    /** PostgreSQL: COPY ... FROM STDIN (CSV), the fastest way in. */
    static final class CopyRows implements Rows {
        private final CopyManager copy;
        private final Map<String, StringBuilder> pending = new LinkedHashMap<>();

        CopyRows(Connection c) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        }

        @Override
        public void add(String table, Object... values) {
            StringBuilder s = pending.computeIfAbsent(table, t -> new StringBuilder(1 << 16));
            for (int k = 0; k < values.length; k++) {
                if (k > 0) s.append(',');
                csv(s, values[k]);
            }
            s.append('\n');
        }

        private static void csv(StringBuilder s, Object v) {
            if (v == null) return; // an unquoted empty field is NULL
            if (v instanceof Instant t) s.append(TS.format(t));
            else if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate) s.append(v);
            else s.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
        }

        @Override
        public void flush() throws SQLException, IOException {
            for (String table : ORDER) {
                StringBuilder s = pending.get(table);
                if (s == null || s.length() == 0) continue;
                copy.copyIn("COPY " + table + " (" + COLUMNS.get(table) + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(s.toString()));
                s.setLength(0);
            }
        }
    }

    /** Derby (or any other database): batched prepared inserts. */
    static final class BatchRows implements Rows {
        private final Connection c;
        private final Map<String, PreparedStatement> statements = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, int[]> types = new HashMap<>();

        BatchRows(Connection c) {
            this.c = c;
        }

        @Override
        public void add(String table, Object... values) throws SQLException {
            PreparedStatement ps = statements.get(table);
            if (ps == null) {
                String columns = COLUMNS.get(table);
                String marks = "?" + ", ?".repeat(columns.split(",").length - 1);
                ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")");
                statements.put(table, ps);
            }
            int[] types = types(table, ps);
            for (int k = 0; k < values.length; k++) {
                Object v = values[k];
                if (v == null) ps.setNull(k + 1, types[k]); // Derby wants the column's type for a null
                else if (v instanceof Instant t) ps.setTimestamp(k + 1, Timestamp.valueOf(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
                else if (v instanceof LocalDate d) ps.setDate(k + 1, java.sql.Date.valueOf(d));
                else ps.setObject(k + 1, v);
            }
            ps.addBatch();
            counts.merge(table, 1, Integer::sum);
        }

        private int[] types(String table, PreparedStatement ps) throws SQLException {
            int[] t = types.get(table);
            if (t == null) {
                ParameterMetaData meta = ps.getParameterMetaData();
                t = new int[meta.getParameterCount()];
                for (int k = 0; k < t.length; k++) t[k] = meta.getParameterType(k + 1);
                types.put(table, t);
            }
            return t;
        }

        @Override
        public void flush() throws SQLException {
            for (String table : ORDER) {
                PreparedStatement ps = statements.get(table);
                if (ps != null && counts.getOrDefault(table, 0) > 0) ps.executeBatch();
                counts.put(table, 0);
            }
        }
    }
}

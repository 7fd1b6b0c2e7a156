package org.bashgah.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate-bulk into an embedded Derby made by core's and credit's own migration scripts: the rows must keep
 * the invariants the server keeps (ledger-verify's, and the members' aggregates), and match the chain asked for.
 */
class BulkGenerateTest {
    private static final Path CORE = Path.of("../bundles/core/src/main/resources/db/core");
    private static final Path CREDIT = Path.of("../bundles/credit/src/main/resources/db/credit");

    @TempDir
    Path dir;

    @Test
    void writesAChainWhoseLedgerBalancesAndAggregatesAgree() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby-bulk-test.log");
        String url = "jdbc:derby:" + dir.resolve("db") + ";create=true";
        try (Connection c = DriverManager.getConnection(url)) {
            migrate(c, CORE);
            migrate(c, CREDIT);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO core_organisation (id, code, name, currency, time_zone, calendar, created_at)"
                        + " VALUES ('org-1', 'main', 'Chain', 'IRR', 'Asia/Tehran', 'persian', CURRENT_TIMESTAMP)");
            }
        }
        new BulkGenerate(new Args(new String[] {"--jdbc", url, "--branches", "3", "--members", "40", "--purchases", "500",
                "--chunk", "64", "--progress", "60"}, 0)).run();

        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(40, one(c, "SELECT COUNT(*) FROM core_member"));
            assertEquals(3, one(c, "SELECT COUNT(*) FROM core_branch"));
            assertEquals(500, one(c, "SELECT COUNT(*) FROM core_purchase"));
            assertEquals(1000, one(c, "SELECT COUNT(*) FROM core_ledger_entry"));
            assertEquals(500, one(c, "SELECT COUNT(*) FROM core_idempotency"));
            assertEquals(500, one(c, "SELECT COUNT(*) FROM credit_tier_tally"));
            // lines add up to their purchase
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_purchase p WHERE p.amount <>"
                    + " (SELECT SUM(l.amount) FROM core_purchase_line l WHERE l.purchase_id = p.id)"));
            // ledger-verify's rules: balance = sum of entries = sum of open lots, per account
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_balance b WHERE b.balance <>"
                    + " (SELECT SUM(e.amount) FROM core_ledger_entry e WHERE e.member_id = b.member_id AND e.account = b.account)"));
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_balance b WHERE b.balance <>"
                    + " (SELECT SUM(l.remaining) FROM core_lot l WHERE l.member_id = b.member_id AND l.account = b.account)"));
            assertEquals(one(c, "SELECT COUNT(DISTINCT member_id) FROM core_ledger_entry") * 2,
                    one(c, "SELECT COUNT(*) FROM core_balance"));
            // the members' aggregates are those of their purchases
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_member m WHERE m.visits <>"
                    + " (SELECT COUNT(*) FROM core_purchase p WHERE p.member_id = m.id)"));
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_member m WHERE m.visits > 0 AND m.total_spend <>"
                    + " (SELECT SUM(p.amount) FROM core_purchase p WHERE p.member_id = m.id)"));
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_member m WHERE m.visits > 0 AND m.last_visit <>"
                    + " (SELECT MAX(p.made_at) FROM core_purchase p WHERE p.member_id = m.id)"));
            assertEquals(0, one(c, "SELECT COUNT(*) FROM core_member_counter k WHERE k.dimension = 'BRANCH' AND k.visits <>"
                    + " (SELECT COUNT(*) FROM core_purchase p WHERE p.member_id = k.member_id AND p.branch_code = k.counter_key)"));
            assertEquals(one(c, "SELECT SUM(amount) FROM core_purchase"),
                    one(c, "SELECT SUM(amount) FROM core_member_counter WHERE dimension = 'GROUP'"));
            // member i is the chain's member i: the load generator posts for it by phone
            assertEquals(1, one(c, "SELECT COUNT(*) FROM core_member WHERE phone = '" + Chain.phone(7) + "' AND id = '"
                    + BulkGenerate.memberId(1, 7) + "'"));
            // the ledger's identity goes on after the generated ids
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO core_ledger_entry (org_id, member_id, account, amount, kind, entry_at, created_by)"
                        + " SELECT org_id, id, 'POINTS', 1, 'BONUS', CURRENT_TIMESTAMP, 'test' FROM core_member WHERE phone = '"
                        + Chain.phone(0) + "'");
            }
            assertEquals(1001, one(c, "SELECT MAX(id) FROM core_ledger_entry"));
        }

        // a second run into the same chain is refused, and writes nothing
        BulkGenerate again = new BulkGenerate(new Args(new String[] {"--jdbc", url, "--branches", "3", "--members", "40",
                "--purchases", "10"}, 0));
        IllegalStateException refused = assertThrows(IllegalStateException.class, again::run);
        assertTrue(refused.getMessage().contains("already has 40 members"), refused.getMessage());
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(500, one(c, "SELECT COUNT(*) FROM core_purchase"));
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs a capability's Flyway scripts in version order, as the server does at its first start. */
    private static void migrate(Connection c, Path folder) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".sql")).toList());
        }
        scripts.sort((a, b) -> Integer.compare(version(a), version(b)));
        for (Path script : scripts) {
            StringBuilder sql = new StringBuilder();
            for (String line : Files.readAllLines(script)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("--")) continue;
                int comment = line.indexOf(" -- ");
                sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            }
            try (Statement s = c.createStatement()) {
                for (String statement : sql.toString().split(";")) {
                    if (!statement.isBlank()) s.execute(statement);
                }
            }
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}

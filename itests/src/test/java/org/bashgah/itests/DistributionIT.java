package org.bashgah.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.bashgah.itests.RunningDistribution.READY;
import static org.bashgah.itests.RunningDistribution.expect;
import static org.bashgah.itests.RunningDistribution.json;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bashgah.itests.RunningDistribution.Answer;
import org.bashgah.itests.RunningDistribution.ClientRun;
import org.junit.After;
import org.junit.Test;

/**
 * The distribution as an operator runs it: the tar.gz unpacked into a fresh folder, started with {@code bin/start}
 * and an environment, stopped with {@code bin/stop}, and spoken to over HTTP and with its own {@code bin/client}. No
 * Pax Exam: what is tested is exactly what ships, including {@code bin/setenv} and the {@code etc/} defaults.
 *
 * <p>Each copy gets its own ports before its first start (HTTP 18281/18381/18881, SSH 18201/18301/18801, RMI
 * 11199/44545, 11299/44645 and 11899/45245, each plus -Dbashgah.itest.portOffset), so this class runs beside the Pax
 * Exam tests (18181...) and a developer's server (8181...).
 */
public class DistributionIT {
    private static final String FIRST_PASSWORD = "first-start-Pa55word-from-env";
    private static final String OTHER_PASSWORD = "a-different-Pa55word-at-restart";
    /** The IT team's shell user, added to etc/users.properties as docs/operations.md says. */
    private static final String SHELL_USER = "ops";
    private static final String SHELL_PASSWORD = "shell-Pa55word-of-the-it-team";
    private static final String GENERATED_LINE = "Administrator user 'admin', password: ";
    /** The password is the last word of its log line. */
    private static final Pattern GENERATED = Pattern.compile(Pattern.quote(GENERATED_LINE) + "([^\\s\\\\]+)");

    private final List<RunningDistribution> servers = new ArrayList<>();

    @After
    public void stopEveryServer() throws Exception {
        RunningDistribution.stopAll(servers);
    }

    @Test
    public void firstStartTakesTheAdminPasswordFromTheEnvironmentAndRestartKeepsEveryRow() throws Exception {
        RunningDistribution a = unpack("a", 18281, 18201, 11199, 44545);
        // every capability is a boot feature of its own, so an operator can feature:uninstall it
        String features = java.nio.file.Files.readString(a.home.resolve("etc/org.apache.karaf.features.cfg"));
        for (String capability : List.of("bashgah-core", "bashgah-credit", "bashgah-offers", "bashgah-surveys",
                "bashgah-partners", "bashgah-console", "bashgah-reports")) {
            assertTrue(capability + " in featuresBoot: " + features,
                java.util.regex.Pattern.compile("(?m)^featuresBoot\\s*=.*, " + capability + "(,|$)").matcher(features).find());
        }
        a.start(Map.of("BASHGAH_ADMIN_PASSWORD", FIRST_PASSWORD));
        String token = a.awaitLogin("admin", FIRST_PASSWORD);
        Answer health = expect(200, a.get("/api/health", null));
        assertEquals(health.raw(), "UP", health.text("status"));
        Answer wrong = a.login("admin", FIRST_PASSWORD + "-wrong");
        expect(401, wrong);
        assertTrue(wrong.raw(), wrong.contentType().startsWith("application/problem+json"));

        expect(201, a.post("/api/v1/branches", token, json("code", "tehran-1", "name", "Tehran Vanak")));
        String memberId = expect(201, a.post("/api/v1/members", token,
            json("phone", "09121234567", "name", "Ali", "branch", "tehran-1"))).text("id");
        Map<String, Object> purchase = json("idempotencyKey", "pos-1-0001", "member", "09121234567",
            "branch", "tehran-1", "amount", 600000, "lines", List.of(json("productGroup", "shoes", "amount", 600000)));
        Answer posted = expect(201, a.post("/api/v1/purchases", token, purchase));
        String purchaseId = posted.text("id");
        JsonNode purchaseView = expect(200, a.get("/api/v1/purchases/" + purchaseId, token)).body();
        JsonNode balances = expect(200, a.get("/api/v1/members/" + memberId + "/balances", token)).body();
        JsonNode ledger = expect(200, a.get("/api/v1/members/" + memberId + "/ledger", token)).body();

        a.stop();
        // the admin exists now: a changed BASHGAH_ADMIN_PASSWORD must not touch it
        a.start(Map.of("BASHGAH_ADMIN_PASSWORD", OTHER_PASSWORD));
        String accepted = await("the restarted server to accept either admin password").atMost(READY)
            .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .until(() -> a.login("admin", FIRST_PASSWORD).status() == 200 ? FIRST_PASSWORD
                : a.login("admin", OTHER_PASSWORD).status() == 200 ? OTHER_PASSWORD : null, notNullValue());
        assertEquals("after a restart the admin keeps the first start's password", FIRST_PASSWORD, accepted);
        a.awaitHealthy();
        expect(401, a.login("admin", OTHER_PASSWORD));
        token = expect(200, a.login("admin", FIRST_PASSWORD)).text("token");

        JsonNode found = expect(200, a.get("/api/v1/members?phone=%2B989121234567", token)).body();
        assertEquals(found.toString(), 1, found.size());
        assertEquals(memberId, found.get(0).path("id").asText());
        assertEquals("+989121234567", found.get(0).path("phone").asText());
        Answer branch = expect(200, a.get("/api/v1/branches/tehran-1", token));
        assertEquals("Tehran Vanak", branch.text("name"));
        assertEquals(purchaseView, expect(200, a.get("/api/v1/purchases/" + purchaseId, token)).body());
        Answer replayed = expect(200, a.post("/api/v1/purchases", token, purchase));
        assertEquals(purchaseId, replayed.text("id"));
        assertEquals("a replayed key answers with the first body", posted.body(), replayed.body());
        assertEquals(balances, expect(200, a.get("/api/v1/members/" + memberId + "/balances", token)).body());
        assertEquals("the replay wrote nothing", ledger,
            expect(200, a.get("/api/v1/members/" + memberId + "/ledger", token)).body());

        Properties shell = new Properties();
        shell.load(new StringReader(Files.readString(a.etc("org.apache.karaf.shell.cfg"))));
        assertEquals("Karaf's SSH console listens on loopback only", "127.0.0.1", shell.getProperty("sshHost"));
        List<String> users = Files.readAllLines(a.etc("users.properties")).stream().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")).toList();
        for (String line : users) assertTrue("users.properties defines a user: " + line, line.startsWith("_g_"));
    }

    @Test
    public void withoutAPasswordTheFirstStartGeneratesOneAndLogsItOnce() throws Exception {
        RunningDistribution b = unpack("b", 18381, 18301, 11299, 44645);
        b.start(Map.of());
        Path logs = b.home.resolve("data/log");
        String password = await("karaf.log to show the generated password").atMost(READY)
            .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .until(() -> generatedPassword(logs.resolve("karaf.log")), notNullValue());
        assertTrue(password, password.length() >= 16);
        b.awaitLogin("admin", password);
        assertEquals("times the generated password appears under data/log", 1, occurrences(logs, password));
        for (String[] guess : new String[][] {{"admin", "admin"}, {"admin", "karaf"}, {"karaf", "karaf"},
            {"admin", "password"}, {"admin", "bashgah"}}) {
            assertEquals(guess[0] + "/" + guess[1], 401, b.login(guess[0], guess[1]).status());
        }
    }

    @Test
    public void anItTeamRunsBashgahShellCommandsWithBinClientFromAScript() throws Exception {
        RunningDistribution c = unpack("c", 18881, 18801, 11899, 45245);
        Files.writeString(c.etc("users.properties"), SHELL_USER + " = " + SHELL_PASSWORD + ",_g_:admingroup\n"
            + "auditor = " + SHELL_PASSWORD + ",ssh,viewer\n", StandardOpenOption.APPEND);
        c.start(Map.of("BASHGAH_ADMIN_PASSWORD", FIRST_PASSWORD));
        String token = c.awaitLogin("admin", FIRST_PASSWORD);
        expect(201, c.post("/api/v1/branches", token, json("code", "tehran-1", "name", "Tehran Vanak")));
        expect(201, c.post("/api/v1/members", token, json("phone", "09121234567", "name", "Ali", "branch", "tehran-1")));
        expect(201, c.post("/api/v1/purchases", token, json("idempotencyKey", "pos-1-0001", "member", "09121234567",
            "branch", "tehran-1", "amount", 600000, "lines", List.of(json("productGroup", "shoes", "amount", 600000)))));

        // The command on the command line, standard input empty and no terminal (a script, cron, CI): Karaf 4.4.10's
        // client on its own closes the channel before the command runs, prints "Closed" and exits 1.
        ClientRun branches = c.client(null, "-u", SHELL_USER, "-p", SHELL_PASSWORD, "bashgah:branch-list");
        assertEquals(branches.output(), 0, branches.exitCode());
        assertTrue(branches.output(), branches.output().contains("tehran-1") && branches.output().contains("Tehran Vanak"));
        ClientRun verified = c.client(null, "-u", SHELL_USER, "-p", SHELL_PASSWORD, "bashgah:ledger-verify");
        assertEquals(verified.output(), 0, verified.exitCode());
        assertTrue(verified.output(), Pattern.compile("Ledger verified: [1-9]\\d* accounts, [1-9]\\d* entries, 0 problems")
            .matcher(verified.output()).find());

        // commands piped in without one on the command line still go to an interactive session, which ends with its input
        ClientRun piped = c.client("bashgah:branch-list\n", "-u", SHELL_USER, "-p", SHELL_PASSWORD);
        assertEquals(piped.output(), 0, piped.exitCode());
        assertTrue(piped.output(), piped.output().contains("Tehran Vanak"));
        // the SSH banner (etc/branding-ssh.properties): logout ends the session, not the server
        assertTrue(piped.output(), piped.output().contains("the server keeps running"));
        assertFalse(piped.output(), piped.output().contains("${"));

        ClientRun refused = c.client(null, "-u", SHELL_USER, "-p", SHELL_PASSWORD + "-wrong", "bashgah:branch-list");
        assertTrue("a wrong password fails: " + refused.output(), refused.exitCode() != 0);
        assertFalse(refused.output(), refused.output().contains("tehran-1"));
        ClientRun noUser = c.client(null, "-u", "karaf", "-p", "karaf", "bashgah:branch-list");
        assertTrue("Karaf's karaf/karaf is no user here: " + noUser.output(), noUser.exitCode() != 0);
        assertFalse(noUser.output(), noUser.output().contains("tehran-1"));

        // etc/org.apache.karaf.command.acl.bashgah.cfg: a viewer looks, only an admin changes anything
        ClientRun looked = c.client(null, "-u", "auditor", "-p", SHELL_PASSWORD, "bashgah:ledger-verify");
        assertEquals(looked.output(), 0, looked.exitCode());
        assertTrue(looked.output(), looked.output().contains("0 problems"));
        ClientRun reset = c.client(null, "-u", "auditor", "-p", SHELL_PASSWORD, "bashgah:admin-reset",
            "viewer-chose-this-Pa55word");
        assertFalse(reset.output(), reset.output().contains("Password of admin reset"));
        c.awaitLogin("admin", FIRST_PASSWORD);
        ClientRun byAdmin = c.client(null, "-u", SHELL_USER, "-p", SHELL_PASSWORD, "bashgah:admin-reset",
            "admin-chose-this-Pa55word");
        assertTrue(byAdmin.output(), byAdmin.output().contains("Password of admin reset."));
        c.awaitLogin("admin", "admin-chose-this-Pa55word");
    }

    // ---- the unpacked distribution ----

    private RunningDistribution unpack(String name, int httpPort, int sshPort, int rmiRegistryPort, int rmiServerPort)
        throws Exception {
        RunningDistribution server = RunningDistribution.unpack(Paths.get("target", "distribution-it"), name, httpPort,
            sshPort, rmiRegistryPort, rmiServerPort);
        servers.add(server);
        return server;
    }

    private static String generatedPassword(Path log) throws IOException {
        if (!Files.exists(log)) return null;
        Matcher m = GENERATED.matcher(Files.readString(log, UTF_8));
        return m.find() ? m.group(1) : null;
    }

    private static int occurrences(Path logs, String text) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), UTF_8);
                for (int i = content.indexOf(text); i >= 0; i = content.indexOf(text, i + 1)) count++;
            }
        }
        return count;
    }
}

package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import org.junit.Before;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.junit.runner.RunWith;
import org.apache.karaf.features.Feature;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** What a chain's IT team does to a running server: hot deploy, feature removal, shell commands. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreLifecycleIT extends BashgahTestSupport {

    /** Boots without bashgah-core, so the tests install and remove it as an IT team would. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly(),
            // the tests' own JSON client, present before bashgah-core brings the same bundles
            mavenBundle("com.fasterxml.jackson.core", "jackson-annotations", "2.21"),
            mavenBundle("com.fasterxml.jackson.core", "jackson-core", "2.21.0"),
            mavenBundle("com.fasterxml.jackson.core", "jackson-databind", "2.21.0")};
    }

    @Before
    public void installCore() throws Exception {
        // -r: no bundle refresh, which would also refresh (and so break) this test's own probe bundle
        if (!features.isInstalled(features.getFeature("bashgah-core"))) shell("feature:install -r bashgah-core");
    }

    /** Posts a purchase made today by a member whose birthday is today, and returns the points it earned. */
    private long pointsEarnedOnBirthday(String phone, String branch, String key) {
        Answer a = expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", key, "member", phone,
            "branch", branch, "amount", 600000)));
        return a.number("earned.points");
    }

    @Test
    public void theVendorBundleChangesTheNextPurchaseWhenDeployedAndStopsWhenRemoved() throws Exception {
        String token = admin();
        String branch = branch("vendor-1");
        String phone = newPhone();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tehran")).minusYears(30).toString();
        expect(201, post("/api/v1/members", token, json("phone", phone, "birthDate", today, "branch", branch)));
        assertEquals(0, pointsEarnedOnBirthday(phone, branch, "before-" + phone));

        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path jar = deploy.resolve("birthday-bonus.jar");
        Files.copy(Path.of(System.getProperty("bashgah.vendorBundle")), jar, StandardCopyOption.REPLACE_EXISTING);
        int[] n = {0};
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
            .until(() -> pointsEarnedOnBirthday(phone, branch, "deployed-" + phone + "-" + n[0]++) == 600);

        Files.delete(jar);
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
            .until(() -> pointsEarnedOnBirthday(phone, branch, "removed-" + phone + "-" + n[0]++) == 0);
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    /** A resource each capability serves, to see it come and go; features not named here are checked by health. */
    private static final Map<String, String> SERVES = Map.of(
        "bashgah-credit", "/api/v1/credit/policy",
        "bashgah-offers", "/api/v1/offers",
        "bashgah-surveys", "/api/v1/surveys/questionnaires",
        "bashgah-reports", "/api/v1/reports/churn",
        "bashgah-console", "/console/extensions.json");

    @Test
    public void everyBashgahFeatureInstallsAndUninstallsWhileTheServerRuns() throws Exception {
        String token = admin();
        List<String> capabilities = Arrays.stream(features.listFeatures()).map(Feature::getName)
            .filter(n -> n.startsWith("bashgah-") && !n.equals("bashgah-core") && !n.equals("bashgah-platform"))
            .distinct().sorted().toList();
        assertTrue("the repository lists " + capabilities, capabilities.containsAll(SERVES.keySet()));
        for (String feature : capabilities) {
            shell("feature:install -r " + feature);
            awaitHealthy();
            assertTrue(feature + " installed", features.isInstalled(features.getFeature(feature)));
            if (SERVES.containsKey(feature)) awaitStatus(200, SERVES.get(feature), token);
            shell("feature:uninstall -r " + feature);
            awaitHealthy();
            assertTrue(feature + " uninstalled", !features.isInstalled(features.getFeature(feature)));
            if (SERVES.containsKey(feature)) awaitStatus(404, SERVES.get(feature), token);
        }
        // and core, which stayed, still posts purchases
        String branch = branch("every-1");
        String phone = newPhone();
        member(phone, branch);
        expect(201, post("/api/v1/purchases", token, json("idempotencyKey", "every-" + phone, "member", phone,
            "branch", branch, "amount", 250000)));
    }

    @Test
    public void uninstallingCoreKeepsEveryRowForTheReinstall() throws Exception {
        String token = admin();
        String branch = branch("keep-1");
        String phone = newPhone();
        String id = member(phone, branch);
        expect(201, post("/api/v1/purchases", token, json("idempotencyKey", "keep-" + phone, "member", phone,
            "branch", branch, "amount", 1000)));

        // as the IT team does it, from the Karaf shell
        String installed = shell("feature:list -i");
        assertTrue(installed, installed.contains("bashgah-core"));
        shell("feature:uninstall -r bashgah-core");
        awaitStatus(404, "/api/v1/members/" + id, token);

        shell("feature:install -r bashgah-core");
        awaitStatus(200, "/api/v1/members/" + id, token);
        awaitHealthy();
        assertEquals(1, expect(200, get("/api/v1/members/" + id + "/stats", token)).number("visits"));
        expect(200, post("/api/v1/purchases", token, json("idempotencyKey", "keep-" + phone, "member", phone,
            "branch", branch, "amount", 1000)));
    }

    /**
     * An event that a process died before delivering waits in core_event_outbox (written with its change); core
     * delivers it when it starts again, once, and then deletes it (10 s after the delivery).
     */
    @Test
    public void anEventLeftUndeliveredIsDeliveredWhenCoreStartsAgainAndThenDeleted() throws Exception {
        String topic = "bashgah/itest/LEFT_BEHIND";
        List<Event> received = new CopyOnWriteArrayList<>();
        var handler = bundleContext.registerService(EventHandler.class, received::add,
            new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, topic)));
        try {
            String id = UUID.randomUUID().toString();
            DataSource dataSource = bundleContext.getService(bundleContext.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=bashgah)").iterator().next());
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO core_event_outbox (id, topic, properties, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, topic);
                insert.setString(3, "{\"organisation\":\"main\",\"member\":\"m-" + id + "\",\"visits\":1,"
                    + "\"first\":true}");
                insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(5)));
                insert.executeUpdate();
                if (!c.getAutoCommit()) c.commit();
            }
            String before = shell("bashgah:event-outbox");
            var waiting = java.util.regex.Pattern.compile("(\\d+) waiting for delivery").matcher(before);
            assertTrue(before, waiting.find() && Long.parseLong(waiting.group(1)) >= 1);
            Bundle core = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "bashgah-core".equals(b.getSymbolicName())).findFirst().orElseThrow();
            core.stop();
            core.start();

            await("the event left behind").atMost(90, TimeUnit.SECONDS).until(() -> !received.isEmpty());
            Event event = received.get(0);
            assertEquals("m-" + id, event.getProperty("member"));
            assertEquals(1L, event.getProperty("visits"));
            assertEquals(true, event.getProperty("first"));
            await("the delivered event deleted").atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1))
                .until(() -> outboxRows(dataSource, id) == 0);
            assertEquals("delivered once", 1, received.size());
            await("an empty outbox").atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1))
                .until(() -> shell("bashgah:event-outbox").contains("No events in the outbox"));
        } finally {
            handler.unregister();
        }
        awaitHealthy();
    }

    private static int outboxRows(DataSource dataSource, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM core_event_outbox WHERE id = ?")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    public void shellCommandsListFindVerifyAndResetTheAdmin() throws Exception {
        String branch = branch("shell-1");
        String phone = newPhone();
        member(phone, branch);

        String branches = shell("bashgah:branch-list");
        assertTrue(branches, branches.contains("shell-1"));
        String found = shell("bashgah:member-find " + phone);
        assertTrue(found, found.contains(e164(phone)));
        String missing = shell("bashgah:member-find 09359999999");
        assertTrue(missing, missing.contains("No member"));
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));

        String reset = shell("bashgah:admin-reset new-admin-password-2");
        assertTrue(reset, reset.contains("reset"));
        expect(401, post("/api/v1/auth/token", null, json("user", "admin", "password", ADMIN_PASSWORD)));
        String fresh = login("admin", "new-admin-password-2");
        expect(200, get("/api/v1/branches", fresh));
        // put the password back for the other tests of this class
        shell("bashgah:admin-reset " + ADMIN_PASSWORD);
        resetAdminToken();
    }

    /**
     * Derby's classes need javax.naming and javax.sql; etc/custom.properties gives them from the JDK to every
     * bundle, so Derby holds no dynamic import of them (the resolve of which failed now and then at boot).
     */
    @Test
    public void derbyTakesJavaxNamingAndJavaxSqlFromTheJdkNotThroughADynamicImport() throws Exception {
        Bundle derby = Arrays.stream(bundleContext.getBundles())
            .filter(b -> "derby".equals(b.getSymbolicName())).findFirst().orElseThrow();
        // pax-jdbc-derby's data source classes implement javax.naming.Referenceable and javax.sql.DataSource
        Class<?> source = derby.loadClass("org.apache.derby.jdbc.EmbeddedDataSource");
        assertEquals(ClassLoader.getPlatformClassLoader().loadClass("javax.naming.Referenceable"),
            derby.loadClass("javax.naming.Referenceable"));
        assertTrue(javax.sql.DataSource.class.isAssignableFrom(source));
        List<String> imported = derby.adapt(BundleWiring.class).getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)
            .stream().map(w -> String.valueOf(w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE)))
            .toList();
        assertTrue(imported.toString(), imported.stream().noneMatch(p -> p.startsWith("javax.naming")
            || p.equals("javax.sql")));
    }
}

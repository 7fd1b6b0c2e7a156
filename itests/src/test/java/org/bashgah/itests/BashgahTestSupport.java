package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.features.FeaturesService;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;

/**
 * Helpers shared by the integration tests: boots the assembled Bashgah distribution (one Karaf per test
 * class), talks to it over HTTP as a point-of-sale system would, and runs shell commands.
 */
public abstract class BashgahTestSupport {
    /**
     * Added to every port the tests give Karaf (HTTP 18181, SSH 18101, RMI 11099/44445), so two checkouts can run
     * their Pax Exam tests at once ({@code mvn verify -Dbashgah.itest.portOffset=1000}) and so can two failsafe
     * forks ({@link RunningDistribution#portOffset}). Inside the container it is the value passed in below.
     */
    private static final int PORT_OFFSET = RunningDistribution.portOffset();
    protected static final String BASE = "http://127.0.0.1:" + (18181 + PORT_OFFSET);
    protected static final String ADMIN_PASSWORD = "itest-admin-password";
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    @Inject
    protected SessionFactory sessionFactory;

    private static String adminToken;
    /** Why this container's server never became healthy, once {@link #awaitHealthy} gave up on it. */
    private static String neverHealthy;

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(baseOptions()));
        options.addAll(databaseOptions());
        options.addAll(List.of(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /** What a test class adds to the standard set-up. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** Karaf's own boot features of the distribution, before the Bashgah ones. */
    private static final String PLATFORM_BOOT = "instance,package,log,ssh,system,feature,shell,management,service,"
        + "jaas,deployer,diagnostic,wrap,bundle,config,kar,scr,http,http-whiteboard,bashgah-postgresql";

    /**
     * Boots with these Bashgah features only. Pax Exam wraps the boot features into one feature of its own,
     * which keeps them installed whatever the shell says; a test that installs and removes a feature boots
     * without it and installs it itself.
     */
    protected static Option bootOnly(String... bashgahFeatures) {
        String list = PLATFORM_BOOT + (bashgahFeatures.length == 0 ? "" : "," + String.join(",", bashgahFeatures));
        return editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", list);
    }

    /**
     * With {@code -Dbashgah.itest.postgres=jdbc:postgresql://host:port/} (the itests' postgresql profile sets
     * it from BASHGAH_TEST_POSTGRES_URL), each test class runs on a fresh PostgreSQL database instead of Derby.
     */
    private static List<Option> databaseOptions() {
        if (!TestPostgres.configured()) return List.of();
        List<Option> options = new ArrayList<>();
        TestPostgres.freshDatabase("bashgah_it_").forEach((key, value) ->
            options.add(editConfigurationFilePut("etc/org.ops4j.datasource-bashgah.cfg", key, value)));
        return options;
    }

    private static Option[] baseOptions() {
        return new Option[] {
            karafDistributionConfiguration()
                .frameworkUrl(System.getProperty("bashgah.distribution"))
                .name("bashgah")
                .unpackDirectory(new File("target/exam"))
                .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // the first admin's password, as BASHGAH_ADMIN_PASSWORD would give it
            systemProperty("bashgah.admin.password").value(ADMIN_PASSWORD),
            systemProperty("bashgah.vendorBundle").value(System.getProperty("bashgah.vendorBundle")),
            // how long the probe waits for Pax Exam's own services (ProbeInvokerFactory, Injector), which a busy
            // machine may start after it: 10 s by default, and the run then hangs ("gave up waiting for service")
            systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("180000"),
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
            systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                .value("180000"),
            // STACK.md pitfall 4: an embedded jar in the JAX-RS API bundle fails Java 17.0.8+ zip checks
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
            // own ports, so the tests run beside a running server
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port(18181)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", port(18101)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", port(11099)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", port(44445)),
            // the tests run inside that Karaf and build BASE from the same offset
            systemProperty("bashgah.itest.portOffset").value(String.valueOf(PORT_OFFSET)),
            mavenBundle("org.hamcrest", "hamcrest", "2.2"),
            mavenBundle("org.awaitility", "awaitility", "4.3.0"),
        };
    }

    private static String port(int standard) {
        return String.valueOf(standard + PORT_OFFSET);
    }

    /** An HTTP answer: status and parsed JSON body (null when empty). */
    protected record Answer(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public long number(String path) {
            JsonNode node = body;
            for (String part : path.split("\\.")) node = node.path(part);
            return node.asLong();
        }
    }

    protected static Answer call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30));
            if (token != null) request.header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw == null || raw.isEmpty() || !response.headers().firstValue("Content-Type")
                .orElse("").contains("json") ? null : JSON.readTree(raw);
            return new Answer(response.statusCode(), json, raw);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    protected static Answer get(String path, String token) {
        return call("GET", path, token, null);
    }

    protected static Answer post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    /** An ordered JSON object from alternating keys and values. */
    protected static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    /** Waits until the server is ready (resources register asynchronously) and returns an admin token. */
    protected String admin() {
        if (adminToken == null) {
            awaitHealthy();
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** The id of the organisation the distribution creates ("main"), whose chain admin {@link #admin()} is. */
    protected String mainOrganisation() {
        return expect(200, get("/api/v1/auth/me", admin())).body().path("organisation").asText();
    }

    /**
     * Waits until {@code /api/health} answers UP: every installed capability's bundles, components and REST
     * resources are up, so the JAX-RS whiteboard no longer re-publishes the API (a moment of 404) under a test.
     * Call it again after installing or removing a feature.
     */
    protected static void awaitHealthy() {
        // a container that never became healthy fails its class's later tests at once, with the same reason
        if (neverHealthy != null) throw new AssertionError(neverHealthy);
        // three UP answers in a row: the whiteboard's last re-publication may still be under way at the first
        int[] inARow = {0};
        String[] last = {"no answer"};
        try {
            await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> {
                    Answer health = get("/api/health", null);
                    last[0] = health.status() + " " + health.raw();
                    inARow[0] = health.status() == 200 ? inARow[0] + 1 : 0;
                    return inARow[0] >= 3;
                });
        } catch (ConditionTimeoutException e) {
            neverHealthy = "the server did not become healthy in 120 s; /api/health last said: " + last[0]
                + "; the last errors in karaf.log: " + lastLoggedErrors(5);
            throw new AssertionError(neverHealthy, e);
        }
    }

    /**
     * The last ERROR lines of this container's log, each with the exception and "Caused by" lines under it, so
     * that a failure on a CI machine says what went wrong and why.
     */
    private static String lastLoggedErrors(int count) {
        Path log = Paths.get(System.getProperty("karaf.data", "data"), "log", "karaf.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.contains("| ERROR |")) continue;
                // the Karaf specs activator's NoClassDefFoundError (OsgiLocator) logged at every boot, not the reason
                if (line.contains("EventDispatcher: Error during") || line.contains("FrameworkEvent ERROR")) continue;
                StringBuilder error = new StringBuilder(line);
                // a log line starts with its date; the stack trace's lines do not
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("^\\d{4}-\\d{2}-\\d{2}T.*"); j++) {
                    String trace = lines.get(j).trim();
                    if (!trace.startsWith("at ") && !trace.startsWith("...")) error.append(" / ").append(trace);
                }
                errors.add(error.toString());
            }
            return String.join(" // ", errors.subList(Math.max(0, errors.size() - count), errors.size()));
        } catch (Exception e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Forgets the cached admin token (after a password reset ended its session). */
    protected static void resetAdminToken() {
        adminToken = null;
    }

    protected static String login(String user, String password) {
        Answer a = post("/api/v1/auth/token", null, json("user", user, "password", password));
        assertEquals(a.raw(), 200, a.status());
        return a.text("token");
    }

    protected static Answer expect(int status, Answer answer) {
        assertEquals(answer.raw(), status, answer.status());
        return answer;
    }

    /** A phone number no other test uses, in the 0912 form a cashier types. */
    protected static String newPhone() {
        return "0912" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String e164(String localPhone) {
        return "+98" + localPhone.substring(1);
    }

    /** Creates a branch (as admin) and returns its code. */
    protected String branch(String code) {
        Answer a = post("/api/v1/branches", admin(), json("code", code, "name", "Branch " + code));
        if (a.status() != 409) expect(201, a);
        return code;
    }

    /** Joins a member (as admin) and returns its id. */
    protected String member(String phone, String branch) {
        return expect(201, post("/api/v1/members", admin(), json("phone", phone, "name", "Member " + phone,
            "branch", branch))).text("id");
    }

    /** Runs a Karaf shell command as an administrator would, and returns what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject administrator = new Subject();
        administrator.getPrincipals().add(new UserPrincipal("itest"));
        for (String role : new String[] {"admin", "manager", "viewer", "systembundles"}) {
            administrator.getPrincipals().add(new RolePrincipal(role));
        }
        Subject.doAs(administrator, (PrivilegedExceptionAction<Object>) () -> {
            Session session = sessionFactory.create(System.in, out, out);
            try {
                Object result = session.execute(command);
                if (result != null) out.println(result);
            } finally {
                session.close();
            }
            return null;
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected static void awaitStatus(int status, String path, String token) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> get(path, token).status() == status);
    }
}

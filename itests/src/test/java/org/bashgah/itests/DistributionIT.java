package org.bashgah.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.After;
import org.junit.Test;

/**
 * The distribution as an operator runs it: the tar.gz unpacked into a fresh folder, started with {@code bin/start}
 * and an environment, stopped with {@code bin/stop}, and spoken to over HTTP only. No Pax Exam: what is tested is
 * exactly what ships, including {@code bin/setenv} and the {@code etc/} defaults.
 *
 * <p>Each copy gets its own ports before its first start (HTTP 18281/18381, SSH 18201/18301, RMI 11199/44545 and
 * 11299/44645), so this class runs beside the Pax Exam tests (18181...) and a developer's server (8181...).
 */
public class DistributionIT {
    /** Resources register asynchronously after start; a cold first start on a slow machine takes a while. */
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final String FIRST_PASSWORD = "first-start-Pa55word-from-env";
    private static final String OTHER_PASSWORD = "a-different-Pa55word-at-restart";
    private static final String GENERATED_LINE = "Administrator user 'admin', password: ";
    /** The password is the last word of its log line. */
    private static final Pattern GENERATED = Pattern.compile(Pattern.quote(GENERATED_LINE) + "([^\\s\\\\]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Server> servers = new ArrayList<>();

    @After
    public void stopEveryServer() throws Exception {
        Exception first = null;
        for (Server server : servers) {
            try {
                server.stop();
            } catch (Exception | AssertionError e) {
                if (first == null) first = new Exception("stopping " + server.home + " failed", e);
            }
        }
        if (first != null) throw first;
    }

    @Test
    public void firstStartTakesTheAdminPasswordFromTheEnvironmentAndRestartKeepsEveryRow() throws Exception {
        Server a = unpack("a", 18281, 18201, 11199, 44545);
        a.start(Map.of("BASHGAH_ADMIN_PASSWORD", FIRST_PASSWORD));
        String token = a.awaitLogin("admin", FIRST_PASSWORD);
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
        Server b = unpack("b", 18381, 18301, 11299, 44645);
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

    // ---- the unpacked distribution ----

    private Server unpack(String name, int httpPort, int sshPort, int rmiRegistryPort, int rmiServerPort)
        throws Exception {
        String distribution = System.getProperty("bashgah.distribution");
        assertNotNull("system property bashgah.distribution (set by failsafe)", distribution);
        Path archive = Paths.get(URI.create(distribution));
        assertTrue("no distribution at " + archive + ": build karaf-assembly first", Files.isRegularFile(archive));
        Path folder = Paths.get("target", "distribution-it", name).toAbsolutePath();
        deleteTree(folder);
        Files.createDirectories(folder);
        // tar keeps the scripts' execute bits, as an operator's unpacking does
        run(folder, List.of("tar", "-xzf", archive.toString(), "-C", folder.toString()), Map.of(),
            folder.resolveSibling(name + "-unpack.out"), Duration.ofSeconds(60));
        Path home;
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> dirs = children.filter(Files::isDirectory).toList();
            assertEquals("one top folder in " + archive, 1, dirs.size());
            home = dirs.get(0).toRealPath();
        }
        Server server = new Server(home, httpPort, sshPort, rmiRegistryPort, rmiServerPort);
        setProperty(server.etc("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", httpPort);
        setProperty(server.etc("org.apache.karaf.shell.cfg"), "sshPort", sshPort);
        setProperty(server.etc("org.apache.karaf.management.cfg"), "rmiRegistryPort", rmiRegistryPort);
        setProperty(server.etc("org.apache.karaf.management.cfg"), "rmiServerPort", rmiServerPort);
        servers.add(server);
        return server;
    }

    /** One unpacked copy of the distribution, driven by its own bin scripts. */
    private static final class Server {
        final Path home;
        final int[] ports;
        final String base;

        Server(Path home, int httpPort, int... otherPorts) {
            this.home = home;
            this.ports = new int[otherPorts.length + 1];
            this.ports[0] = httpPort;
            System.arraycopy(otherPorts, 0, ports, 1, otherPorts.length);
            this.base = "http://127.0.0.1:" + httpPort;
        }

        Path etc(String file) {
            return home.resolve("etc").resolve(file);
        }

        /** bin/start with the operator's environment plus {@code env}; returns once the JVM is running. */
        void start(Map<String, String> env) throws Exception {
            assertTrue("a Karaf of " + home + " is already running", javaProcesses().isEmpty());
            for (int port : ports) assertPortFree(port);
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("JAVA_MAX_MEM", "512M");
            environment.putAll(env);
            run(home, List.of(home.resolve("bin/start").toString()), environment, home.resolve("bin-start.out"),
                Duration.ofSeconds(30));
            // bin/start returns before the JVM exists: wait for it, so a failing test still stops it in @After
            await("the JVM of " + home).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !javaProcesses().isEmpty());
        }

        /** bin/stop, then waits for the JVM to exit; kills this copy's JVM (and no other) if it does not. */
        void stop() throws Exception {
            List<ProcessHandle> running = javaProcesses();
            if (running.isEmpty()) return;
            try {
                run(home, List.of(home.resolve("bin/stop").toString()), Map.of(), home.resolve("bin-stop.out"),
                    Duration.ofSeconds(30));
                await("the JVM of " + home + " to exit after bin/stop").atMost(EXIT)
                    .pollInterval(Duration.ofMillis(250)).until(() -> javaProcesses().isEmpty());
            } catch (ConditionTimeoutException | AssertionError | IOException e) {
                for (ProcessHandle process : javaProcesses()) {
                    process.destroyForcibly();
                    process.onExit().get(30, TimeUnit.SECONDS);
                }
                throw new AssertionError("bin/stop did not stop " + home + "; killed it", e);
            }
        }

        /** The JVMs whose command line names this copy as karaf.home (exactly, so copy "a" never matches "ab"). */
        List<ProcessHandle> javaProcesses() {
            String arg = "-Dkaraf.home=" + home;
            return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(arg)).orElse(false))
                .toList();
        }

        Answer login(String user, String password) {
            return post("/api/v1/auth/token", null, json("user", user, "password", password));
        }

        /** Polls the token endpoint until it answers 200 (the REST resources register after start). */
        String awaitLogin(String user, String password) {
            try {
                await("a token for " + user).atMost(READY).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> login(user, password).status() == 200);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + "\nkaraf.log ends:\n" + tail(home.resolve("data/log/karaf.log")), e);
            }
            return expect(200, login(user, password)).text("token");
        }

        Answer get(String path, String token) {
            return call(base, "GET", path, token, null);
        }

        Answer post(String path, String token, Object body) {
            return call(base, "POST", path, token, body);
        }
    }

    // ---- HTTP ----

    /** An HTTP answer: status, content type and parsed JSON body (null when empty). */
    private record Answer(int status, String contentType, JsonNode body, String raw) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    private static Answer call(String base, String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) request.header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), UTF_8));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            String raw = response.body();
            JsonNode json = null;
            if (raw != null && !raw.isEmpty()) {
                try {
                    json = JSON.readTree(raw);
                } catch (IOException notJson) {
                    // e.g. Jetty's HTML 404 while the resources are still registering
                }
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, raw);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer expect(int status, Answer answer) {
        assertEquals(answer.raw(), status, answer.status());
        return answer;
    }

    private static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    // ---- files and processes ----

    /** Sets {@code key = value} in a .cfg file, replacing the line that sets it or appending one. */
    private static void setProperty(Path cfg, String key, int value) throws IOException {
        Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, UTF_8));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (setting.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) lines.add(key + " = " + value);
        Files.write(cfg, lines, UTF_8);
    }

    /** Runs a command to completion, its output in {@code out}; fails on a non-zero exit. */
    private static void run(Path dir, List<String> command, Map<String, String> env, Path out, Duration limit)
        throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> environment = builder.environment();
        // an operator's shell: nothing from the build's environment may point Karaf elsewhere or set the password
        environment.keySet().removeIf(k -> k.startsWith("KARAF_") || k.equals("JAVA_OPTS")
            || k.equals("EXTRA_JAVA_OPTS") || k.equals("JAVA_MAX_MEM") || k.equals("BASHGAH_ADMIN_PASSWORD"));
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish in " + limit);
        }
        assertEquals(command + " exit code; output in " + out + ":\n" + tail(out), 0, process.exitValue());
    }

    private static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            fail("port " + port + " is in use (a server left running by an earlier run?): " + e.getMessage());
        }
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

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, UTF_8);
            return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .collect(Collectors.joining("\n"));
        } catch (IOException | RuntimeException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

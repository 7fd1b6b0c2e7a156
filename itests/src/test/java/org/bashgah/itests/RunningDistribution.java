package org.bashgah.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One unpacked copy of the distribution, as an operator has it: the tar.gz unpacked into a fresh folder, given
 * its own ports, started with {@code bin/start} and an environment, stopped with {@code bin/stop}, and spoken to
 * over HTTP (and with its own {@code bin/client}). Shared by the tests that run the distribution as plain processes
 * (no Pax Exam).
 */
final class RunningDistribution {
    /** Resources register asynchronously after start; a cold first start on a slow machine takes a while. */
    static final Duration READY = Duration.ofSeconds(120);
    static final Duration EXIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    final Path home;
    final int[] ports;
    final String base;

    private RunningDistribution(Path home, int httpPort, int... otherPorts) {
        this.home = home;
        this.ports = new int[otherPorts.length + 1];
        this.ports[0] = httpPort;
        System.arraycopy(otherPorts, 0, ports, 1, otherPorts.length);
        this.base = "http://127.0.0.1:" + httpPort;
    }

    /** The ids of the extensions the console lists (a menu item of one may share a name with another extension). */
    static java.util.Set<String> extensionIds(JsonNode extensions) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (JsonNode e : extensions.path("extensions")) ids.add(e.path("id").asText());
        return ids;
    }

    /**
     * Takes {@code feature} out of featuresBoot in etc/org.apache.karaf.features.cfg before the first start, as a chain
     * that does not want it would: the server boots without it, and a test can install and uninstall it.
     */
    void withoutBootFeature(String feature) throws Exception {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        String without = text.replaceFirst("(?m)^(featuresBoot\\s*=.*), " + java.util.regex.Pattern.quote(feature) + "(?=,|$)", "$1");
        assertTrue(feature + " is not in featuresBoot of " + cfg, !without.equals(text));
        Files.writeString(cfg, without);
    }

    /**
     * Added to every port a test gives Karaf: {@code -Dbashgah.itest.portOffset} (a second checkout running its tests
     * at once) plus 3000 for each failsafe fork ({@code bashgah.itest.fork}, 1, 2, ...), so the test classes that
     * run at once in two forks never share a port.
     */
    static int portOffset() {
        return Integer.getInteger("bashgah.itest.portOffset", 0) + 3000 * Integer.getInteger("bashgah.itest.fork", 0);
    }

    /**
     * Unpacks the distribution (system property {@code bashgah.distribution}) into {@code parent/name}, emptied
     * first, and gives the copy its own ports before its first start: the ports given plus
     * {@code -Dbashgah.itest.portOffset}, as for the Pax Exam tests, so two checkouts can run their tests at once.
     */
    static RunningDistribution unpack(Path parent, String name, int standardHttpPort, int standardSshPort,
                                      int standardRmiRegistryPort, int standardRmiServerPort) throws Exception {
        int offset = portOffset();
        int httpPort = standardHttpPort + offset;
        int sshPort = standardSshPort + offset;
        int rmiRegistryPort = standardRmiRegistryPort + offset;
        int rmiServerPort = standardRmiServerPort + offset;
        String distribution = System.getProperty("bashgah.distribution");
        assertNotNull("system property bashgah.distribution (set by failsafe)", distribution);
        Path archive = Paths.get(URI.create(distribution));
        assertTrue("no distribution at " + archive + ": build karaf-assembly first", Files.isRegularFile(archive));
        Path folder = parent.resolve(name).toAbsolutePath();
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
        RunningDistribution server = new RunningDistribution(home, httpPort, sshPort, rmiRegistryPort, rmiServerPort);
        setProperty(server.etc("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", httpPort);
        setProperty(server.etc("org.apache.karaf.shell.cfg"), "sshPort", sshPort);
        setProperty(server.etc("org.apache.karaf.management.cfg"), "rmiRegistryPort", rmiRegistryPort);
        setProperty(server.etc("org.apache.karaf.management.cfg"), "rmiServerPort", rmiServerPort);
        return server;
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

    /** Stops every one of the servers, even when one fails to stop; then reports the first failure. */
    static void stopAll(List<RunningDistribution> servers) throws Exception {
        Exception first = null;
        for (RunningDistribution server : servers) {
            try {
                server.stop();
            } catch (Exception | AssertionError e) {
                if (first == null) first = new Exception("stopping " + server.home + " failed", e);
            }
        }
        if (first != null) throw first;
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
            String stuck = stoppingThread(running);
            killJvm();
            throw new AssertionError("bin/stop did not stop " + home + "; killed it. The thread stopping the framework: "
                + stuck, e);
        }
    }

    /** What Felix's start-level thread (it stops the bundles) was doing; the whole dump goes to stop-threads.txt. */
    private String stoppingThread(List<ProcessHandle> jvms) {
        Path out = home.resolve("stop-threads.txt");
        try {
            for (ProcessHandle jvm : jvms) {
                Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(jvm.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(out.toFile()).start();
                jcmd.waitFor(20, TimeUnit.SECONDS);
            }
            String dump = Files.readString(out);
            int at = dump.indexOf("\"FelixStartLevel\"");
            return at < 0 ? "(not found; see " + out + ")" : dump.substring(at, Math.min(dump.length(), at + 2000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        } catch (IOException | RuntimeException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /**
     * SIGKILL to this copy's JVM (and no other), as a power cut or {@code kill -9} would end it; returns once it
     * is gone. Returns how many JVMs it killed.
     */
    int killJvm() throws Exception {
        List<ProcessHandle> running = javaProcesses();
        for (ProcessHandle process : running) process.destroyForcibly();
        for (ProcessHandle process : running) process.onExit().get(30, TimeUnit.SECONDS);
        return running.size();
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

    /**
     * Waits until {@code /api/health} says UP (every installed capability's resources published: before that the
     * API may redeploy, a moment of 404, as each capability starts), then polls the token endpoint until it
     * answers 200, and returns that answer's token.
     */
    String awaitLogin(String user, String password) {
        try {
            awaitHealthy();
            return await("a token for " + user).atMost(READY).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> login(user, password), answer -> answer.status() == 200).text("token");
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nkaraf.log ends:\n" + tail(home.resolve("data/log/karaf.log")), e);
        }
    }

    /** Waits until {@code /api/health} answers UP: every installed capability's REST resources are published. */
    void awaitHealthy() {
        // three UP answers in a row: the whiteboard's last re-publication may still be under way at the first
        int[] inARow = {0};
        await("/api/health of " + home + " to answer UP").atMost(READY).pollInterval(Duration.ofMillis(300))
            .ignoreExceptions().until(() -> {
                inARow[0] = get("/api/health", null).status() == 200 ? inARow[0] + 1 : 0;
                return inARow[0] >= 3;
            });
    }

    Answer get(String path, String token) {
        return call(base, "GET", path, token, null);
    }

    Answer post(String path, String token, Object body) {
        return call(base, "POST", path, token, body);
    }

    Answer put(String path, String token, Object body) {
        return call(base, "PUT", path, token, body);
    }

    /** One request; an exception when no answer came (refused, reset, timed out), for callers that count those. */
    Answer send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        return exchange(base, method, path, token, body);
    }

    // ---- HTTP ----

    /** An HTTP answer: status, content type and parsed JSON body (null when empty). */
    record Answer(int status, String contentType, JsonNode body, String raw) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    static Answer call(String base, String method, String path, String token, Object body) {
        try {
            return exchange(base, method, path, token, body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer exchange(String base, String method, String path, String token, Object body)
        throws IOException, InterruptedException {
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
    }

    static Answer expect(int status, Answer answer) {
        assertEquals(answer.raw(), status, answer.status());
        return answer;
    }

    static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    // ---- files and processes ----

    /** Sets {@code key = value} in a .cfg file, replacing the line that sets it or appending one. */
    static void setProperty(Path cfg, String key, Object value) throws IOException {
        Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        List<String> lines = new ArrayList<>(Files.exists(cfg) ? Files.readAllLines(cfg, UTF_8) : List.of());
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

    /** What one run of {@code bin/client} printed (standard output and error together) and its exit code. */
    record ClientRun(int exitCode, String output) {
    }

    /**
     * This copy's own {@code bin/client} to its SSH port, as a script, cron job or CI step runs it: no terminal, and
     * standard input {@code input}, or an empty one (/dev/null) when null.
     */
    ClientRun client(String input, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
            List.of(home.resolve("bin/client").toString(), "-a", String.valueOf(ports[1])));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(home, "bin-client", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
            .redirectErrorStream(true).redirectOutput(out.toFile());
        if (input == null) builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        operatorEnvironment(builder, Map.of());
        Process process = builder.start();
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(UTF_8));
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish in 60 s; it printed:\n" + Files.readString(out, UTF_8));
        }
        return new ClientRun(process.exitValue(), Files.readString(out, UTF_8));
    }

    /** Runs a command to completion, its output in {@code out}; fails on a non-zero exit. */
    static void run(Path dir, List<String> command, Map<String, String> env, Path out, Duration limit)
        throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        operatorEnvironment(builder, env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish in " + limit);
        }
        assertEquals(command + " exit code; output in " + out + ":\n" + tail(out), 0, process.exitValue());
    }

    /** An operator's shell: nothing from the build's environment may point Karaf elsewhere or set the password. */
    private static void operatorEnvironment(ProcessBuilder builder, Map<String, String> env) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("KARAF_") || k.equals("JAVA_OPTS")
            || k.equals("EXTRA_JAVA_OPTS") || k.equals("JAVA_MAX_MEM") || k.equals("BASHGAH_ADMIN_PASSWORD"));
        environment.putAll(env);
    }

    static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            fail("port " + port + " is in use (a server left running by an earlier run?): " + e.getMessage());
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, UTF_8);
            return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .collect(Collectors.joining("\n"));
        } catch (IOException | RuntimeException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

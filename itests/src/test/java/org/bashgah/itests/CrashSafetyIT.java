package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.bashgah.itests.RunningDistribution.expect;
import static org.bashgah.itests.RunningDistribution.json;
import static org.bashgah.itests.RunningDistribution.setProperty;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bashgah.itests.RunningDistribution.Answer;
import org.junit.After;
import org.junit.Test;

/**
 * Crash safety, as issue 9 asks: the distribution is started as an operator starts it, tills post purchases with
 * idempotency keys from several threads, and the server's JVM is killed with SIGKILL while requests are in flight
 * (what a power cut does). After {@code bin/start} every request is replayed with its key, as a till retries:
 * every acknowledged purchase exists exactly once with the answer first given, no unacknowledged one exists
 * twice, each member's aggregates and ledger count each purchase once, and the ledger verifies clean.
 *
 * <p>On embedded Derby by default; with {@code -Dbashgah.itest.postgres=jdbc:postgresql://host:port/} (the itests'
 * postgresql profile) on a fresh database of that PostgreSQL server. Ports of its own: HTTP 18481, SSH 18401, RMI
 * 11399/44745.
 */
public class CrashSafetyIT {
    private static final String PASSWORD = "crash-safety-Pa55word-from-env";
    private static final String BRANCH = "crash-1";
    private static final int MEMBERS = 20;
    private static final int TILLS = 8;
    /** The kill comes once this many purchases were acknowledged (and requests are in flight). */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    private static final String[] GROUPS = {"shoes", "bags", "socks"};
    private static final Duration REPLAY = Duration.ofSeconds(30);

    private RunningDistribution server;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
    private volatile boolean stop;
    /** Answers of the web container instead of Bashgah's while checking (see {@link #answered}). */
    private final AtomicInteger containerAnswers = new AtomicInteger();

    @After
    public void stopTheServer() throws Exception {
        if (server != null) server.stop();
    }

    /** What a till sent with one key, and what it learned. */
    private static final class Attempt {
        final String key;
        final String member;
        final Map<String, Object> body;
        volatile Outcome outcome;
        volatile int status;
        volatile JsonNode answer;
        volatile String error;

        Attempt(String key, String member, Map<String, Object> body) {
            this.key = key;
            this.member = member;
            this.body = body;
        }

        String id() {
            return answer == null ? null : answer.path("id").asText(null);
        }

        long amount() {
            return ((Number) body.get("amount")).longValue();
        }

        @Override
        public String toString() {
            return key + " " + outcome + " " + status + (error == null ? "" : " " + error) + " " + body;
        }
    }

    private enum Outcome { ACKNOWLEDGED, REFUSED, UNKNOWN }

    @Test
    public void aKilledServerLosesNoAcknowledgedPurchaseAndWritesNoneTwice() throws Exception {
        long started = System.nanoTime();
        server = RunningDistribution.unpack(Paths.get("target", "crash-safety-it"), "c", 18481, 18401, 11399, 44745);
        String database = useDatabase(server);
        Map<String, String> env = Map.of("BASHGAH_ADMIN_PASSWORD", PASSWORD);
        server.start(env);
        String token = logIn();

        expect(201, answered(() -> server.send("POST", "/api/v1/branches", token,
            json("code", BRANCH, "name", "Crash Test Branch"))));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Map<String, Object> member = json("phone", String.format("0912555%04d", i), "name", "Member " + i,
                "branch", BRANCH);
            members.add(expect(201, answered(() -> server.send("POST", "/api/v1/members", token, member))).text("id"));
        }
        expect(200, answered(() -> server.send("PUT", "/api/v1/credit/policy", token,
            json("creditPercent", 10, "amountPerPoint", 1000, "maxRedeemPercent", 100))));
        List<ProcessHandle> jvms = server.javaProcesses();
        assertEquals("the JVMs of " + server.home, 1, jvms.size());
        ProcessHandle jvm = jvms.get(0);

        // ---- load from the tills, then SIGKILL with requests in flight ----
        ExecutorService tills = Executors.newFixedThreadPool(TILLS);
        long loadStarted = System.nanoTime();
        for (int t = 0; t < TILLS; t++) {
            String till = "pos-" + t + "-";
            tills.execute(() -> till(till, token, members));
        }
        int inFlightAtKill;
        try {
            inFlightAtKill = await(ACKNOWLEDGED_BEFORE_KILL + " acknowledged purchases and requests in flight")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    if (!broken.isEmpty()) throw new AssertionError("a till failed", broken.peek());
                    int now = inFlight.get();
                    return acknowledged.get() >= ACKNOWLEDGED_BEFORE_KILL && now >= TILLS / 2 ? now : null;
                }, notNullValue());
        } finally {
            // the tills send nothing new; what they sent is in flight when the JVM dies
            stop = true;
            jvm.destroyForcibly();
            tills.shutdown();
        }
        jvm.onExit().get(30, TimeUnit.SECONDS);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        assertTrue("the tills stop", tills.awaitTermination(60, TimeUnit.SECONDS));
        if (!broken.isEmpty()) throw new AssertionError("a till failed", broken.peek());
        List<Attempt> all = new ArrayList<>(attempts);
        for (Attempt a : all) assertNotNull("no outcome for " + a, a.outcome);
        List<Attempt> acked = all.stream().filter(a -> a.outcome == Outcome.ACKNOWLEDGED).toList();
        List<Attempt> refused = all.stream().filter(a -> a.outcome == Outcome.REFUSED).toList();
        List<Attempt> unknown = all.stream().filter(a -> a.outcome == Outcome.UNKNOWN).toList();
        assertTrue("requests without an answer at the kill", !unknown.isEmpty());

        // ---- restart, and replay as the tills would ----
        long restarted = System.nanoTime();
        server.start(env);
        String admin = logIn();
        double restartSeconds = (System.nanoTime() - restarted) / 1e9;
        List<String> failures = new ArrayList<>();
        Map<String, JsonNode> answers = new HashMap<>();

        // (a) every acknowledged purchase answers its key with the first answer
        for (Attempt a : acked) {
            answers.put(a.id(), a.answer);
            Answer replay = replay(admin, a);
            if (replay.status() != 200 || !a.id().equals(replay.text("id"))) {
                failures.add("acknowledged " + a.key + " (id " + a.id() + ") replayed: " + replay.status() + " "
                    + replay.raw());
            } else if (!a.answer.equals(replay.body())) {
                failures.add("acknowledged " + a.key + " replayed with another body: first " + a.answer + ", now "
                    + replay.raw());
            }
        }
        // (b) every unanswered request, retried: written now (201), or found written before the crash (200), or
        // refused as a fresh attempt would be; and retried again, the same
        int unknownThenWritten = 0;
        int unknownThenNew = 0;
        int unknownThenRefused = 0;
        Map<String, String> idOfUnknown = new HashMap<>();
        for (Attempt a : unknown) {
            Answer first = replay(admin, a);
            Answer second = replay(admin, a);
            if (first.status() == 200 || first.status() == 201) {
                String id = first.text("id");
                if (first.status() == 200) unknownThenWritten++;
                else unknownThenNew++;
                idOfUnknown.put(a.key, id);
                answers.put(id, first.body());
                if (second.status() != 200 || !first.body().equals(second.body())) {
                    failures.add("unknown " + a.key + " replayed " + first.status() + " id " + id + ", then "
                        + second.status() + " " + second.raw());
                }
            } else if (first.status() >= 400 && first.status() < 500 && second.status() == first.status()) {
                unknownThenRefused++;
            } else {
                failures.add("unknown " + a.key + " (" + a.error + ") replayed " + first.status() + " " + first.raw()
                    + ", then " + second.status() + " " + second.raw());
            }
        }

        // what exists now, per key that has a purchase: its member and amount
        Map<String, Attempt> byId = new LinkedHashMap<>();
        for (Attempt a : all) {
            String id = a.outcome == Outcome.ACKNOWLEDGED ? a.id() : idOfUnknown.get(a.key);
            if (id == null) continue;
            Attempt earlier = byId.put(id, a);
            if (earlier != null) failures.add("keys " + earlier.key + " and " + a.key + " share purchase " + id);
        }
        // (c) every purchase is there, for its member, with its amount
        Map<String, Set<String>> idsOfMember = new TreeMap<>();
        for (String member : members) idsOfMember.put(member, new HashSet<>());
        for (Map.Entry<String, Attempt> e : byId.entrySet()) {
            String id = e.getKey();
            Attempt a = e.getValue();
            idsOfMember.get(a.member).add(id);
            Answer view = answered(() -> server.send("GET", "/api/v1/purchases/" + id, admin, null));
            if (view.status() != 200) {
                failures.add("purchase " + id + " of key " + a.key + ": GET " + view.status() + " " + view.raw());
            } else if (!a.member.equals(view.text("member")) || a.amount() != view.body().path("amount").asLong()) {
                failures.add("purchase " + id + " of key " + a.key + " is " + view.raw() + ", sent " + a.body);
            }
        }
        // (d) each member's aggregates and ledger count every purchase once, and nothing else
        for (String member : members) {
            Set<String> ids = idsOfMember.get(member);
            long spend = ids.stream().mapToLong(id -> byId.get(id).amount()).sum();
            JsonNode stats = expect(200, answered(() -> server.send("GET", "/api/v1/members/" + member + "/stats",
                admin, null))).body();
            if (stats.path("visits").asLong() != ids.size() || stats.path("totalSpend").asLong() != spend) {
                failures.add("member " + member + ": " + ids.size() + " purchases of " + spend + " exist, stats say "
                    + stats.path("visits") + " visits of " + stats.path("totalSpend"));
            }
            Set<String> inLedger = new HashSet<>();
            long before = 0;
            while (true) {
                String page = "/api/v1/members/" + member + "/ledger?limit=500" + (before > 0 ? "&before=" + before : "");
                JsonNode entries = expect(200, answered(() -> server.send("GET", page, admin, null))).body();
                for (JsonNode entry : entries) {
                    String purchase = entry.path("purchaseId").asText(null);
                    if (purchase != null) inLedger.add(purchase);
                }
                if (entries.size() < 500) break;
                before = entries.get(entries.size() - 1).path("id").asLong();
            }
            if (!inLedger.equals(ids)) {
                Set<String> extra = new HashSet<>(inLedger);
                extra.removeAll(ids);
                Set<String> missing = new HashSet<>(ids);
                missing.removeAll(inLedger);
                failures.add("member " + member + ": ledger entries of purchases no key answers: " + extra
                    + "; purchases without ledger entries: " + missing);
            }
            long credit = 0;
            for (String id : ids) {
                JsonNode answer = answers.get(id);
                credit += answer.path("earned").path("sharedCredit").asLong()
                    - answer.path("redeemed").path("sharedCredit").asLong();
            }
            JsonNode balances = expect(200, answered(() -> server.send("GET", "/api/v1/members/" + member
                + "/balances", admin, null))).body();
            if (balances.path("sharedCredit").asLong() != credit) {
                failures.add("member " + member + ": shared credit " + balances.path("sharedCredit")
                    + ", the answers to its purchases add up to " + credit);
            }
        }
        // (f) what follows a purchase through core's events happened once for each: the tier tallies (credit
        // counts them in batches of 0.2 s, so the kill catches some in flight) add up to the points the answers say
        // were earned; events the kill cut off are delivered again after the start
        Map<String, Long> pointsOfMember = new TreeMap<>();
        for (String member : members) {
            pointsOfMember.put(member, idsOfMember.get(member).stream()
                .mapToLong(id -> answers.get(id).path("earned").path("points").asLong()).sum());
        }
        Map<String, String> tallies = new TreeMap<>();
        try {
            // core delivers the events left by the killed process once the server is ready, or after 2 minutes
            await("tier tallies of every purchase").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    tallies.clear();
                    for (String member : members) {
                        JsonNode tier = expect(200, answered(() -> server.send("GET", "/api/v1/members/" + member
                            + "/tier", admin, null))).body();
                        long sum = tier.path("windowSum").asLong();
                        if (!"POINTS".equals(tier.path("measure").asText()) || sum != pointsOfMember.get(member)) {
                            tallies.put(member, tier.path("measure").asText() + " " + sum + ", the answers earned "
                                + pointsOfMember.get(member));
                        }
                    }
                    return tallies.isEmpty();
                });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            tallies.forEach((member, problem) -> failures.add("member " + member + " tier tallies: " + problem));
        }
        long pointsEarned = pointsOfMember.values().stream().mapToLong(Long::longValue).sum();

        // (e) the ledger verifies
        JsonNode verified = expect(200, answered(() -> server.send("GET", "/api/v1/ledger/verify", admin,
            null))).body();
        if (!verified.path("problems").isArray() || verified.path("problems").size() != 0) {
            failures.add("ledger verify: " + verified);
        }

        Map<Integer, Long> refusedByStatus = refused.stream()
            .collect(Collectors.groupingBy(a -> a.status, TreeMap::new, Collectors.counting()));
        long answeredWithoutBashgah = unknown.stream().filter(a -> a.status > 0).count();
        System.out.printf("CrashSafetyIT on %s: %d requests in %.1f s, %d in flight at the SIGKILL: %d acknowledged, "
                + "%d refused %s, %d unknown (%d of them 5xx or the container's page) of which %d then written "
                + "(before the kill), %d then new, %d then refused; %d purchases of %d members checked (%d points "
                + "in tier tallies); restart %.1f s; after it: %s; %d container pages while checking; %d problems; "
                + "whole test %.1f s%n",
            database, all.size(), loadSeconds, inFlightAtKill, acked.size(), refused.size(), refusedByStatus,
            unknown.size(), answeredWithoutBashgah, unknownThenWritten, unknownThenNew, unknownThenRefused,
            byId.size(), MEMBERS, pointsEarned, restartSeconds, redelivered(), containerAnswers.get(), failures.size(),
            (System.nanoTime() - started) / 1e9);
        if (!failures.isEmpty()) {
            fail(failures.size() + " problems after the crash (" + database + "):\n"
                + failures.stream().limit(40).collect(Collectors.joining("\n")) + "\nhealth: "
                + server.get("/api/health", null).raw() + "\n" + logErrors());
        }
    }

    /**
     * The server's ERROR lines and Bashgah's own WARN lines (others warn at every start), each with the first lines
     * of its exception: a 500's cause is only in the log, and a CI run keeps nothing but the test's output.
     */
    private String logErrors() throws IOException {
        Path log = server.home.resolve("data").resolve("log").resolve("karaf.log");
        if (!java.nio.file.Files.exists(log)) return "no karaf.log";
        List<String> lines = java.nio.file.Files.readAllLines(log);
        StringBuilder out = new StringBuilder("the server's log, ERROR and Bashgah's WARN (at most 60 lines):\n");
        int shown = 0;
        for (int i = 0; i < lines.size() && shown < 60; i++) {
            String line = lines.get(i);
            boolean ours = line.contains(" - bashgah-");
            if (!line.contains("| ERROR |") && !(ours && line.contains("| WARN  |"))) continue;
            out.append(line).append('\n');
            shown++;
            // the exception and its causes, without the "at" lines
            for (int j = i + 1; j < lines.size() && shown < 60 && !lines.get(j).contains(" | "); j++) {
                if (lines.get(j).startsWith("\tat ") || lines.get(j).startsWith("\t... ")) continue;
                out.append("    ").append(lines.get(j)).append('\n');
                shown++;
            }
        }
        return out.toString();
    }

    /** What the restarted server's log says about the events the kill left undelivered. */
    private String redelivered() throws IOException {
        Path log = server.home.resolve("data").resolve("log").resolve("karaf.log");
        if (!java.nio.file.Files.exists(log)) return "no karaf.log";
        try (var lines = java.nio.file.Files.lines(log)) {
            return lines.filter(l -> l.contains("events written before this start")).map(l -> l.replaceAll(".*\\| ", ""))
                .reduce((a, b) -> b).orElse("no events delivered again");
        }
    }

    /** One till: purchases with keys of its own until told to stop, each attempt recorded with what it learned. */
    private void till(String keyPrefix, String token, List<String> members) {
        try {
            for (int n = 1; !stop; n++) {
                Attempt attempt = purchase(keyPrefix + String.format("%06d", n), members);
                attempts.add(attempt);
                inFlight.incrementAndGet();
                try {
                    Answer answer = server.send("POST", "/api/v1/purchases", token, attempt.body);
                    attempt.status = answer.status();
                    attempt.answer = answer.body();
                    if (fromBashgah(answer) && (answer.status() == 201 || answer.status() == 200)
                        && attempt.id() != null) {
                        attempt.outcome = Outcome.ACKNOWLEDGED;
                        acknowledged.incrementAndGet();
                    } else if (fromBashgah(answer) && answer.status() >= 400 && answer.status() < 500) {
                        attempt.outcome = Outcome.REFUSED;
                    } else {
                        // a 5xx, or the container's own page, promises nothing either way: the till retries it
                        // as it would a lost answer
                        attempt.error = answer.status() + " " + answer.raw();
                        attempt.outcome = Outcome.UNKNOWN;
                    }
                } catch (IOException | InterruptedException noAnswer) {
                    attempt.error = noAnswer.toString();
                    attempt.outcome = Outcome.UNKNOWN;
                    if (noAnswer instanceof InterruptedException) return;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        } catch (RuntimeException | Error e) {
            broken.add(e);
        }
    }

    /** A purchase of 100,000 to 1,000,000 for a random member; one in three redeems a little shared credit. */
    private static Attempt purchase(String key, List<String> members) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String member = members.get(random.nextInt(members.size()));
        long amount = 10_000L * random.nextInt(10, 101);
        Map<String, Object> body = json("idempotencyKey", key, "member", member, "branch", BRANCH, "amount", amount,
            "lines", List.of(json("productGroup", GROUPS[random.nextInt(GROUPS.length)], "amount", amount)));
        if (random.nextInt(3) == 0) body.put("redeem", json("sharedCredit", 1_000L * random.nextInt(1, 11)));
        return new Attempt(key, member, body);
    }

    /** An admin token, once the API answers with bashgah-credit's resources too (they register after core's). */
    private String logIn() {
        String token = server.awaitLogin("admin", PASSWORD);
        await("bashgah-credit's policy resource").atMost(RunningDistribution.READY).pollInterval(Duration.ofMillis(200))
            .ignoreExceptions().until(() -> server.get("/api/v1/credit/policy", token), a -> a.status() == 200);
        return token;
    }

    private Answer replay(String token, Attempt a) {
        return answered(() -> server.send("POST", "/api/v1/purchases", token, a.body));
    }

    /**
     * Sends the request until Bashgah answers it, as a till retries: a lost connection is no answer, and neither is
     * the web container's own page (HTML 404 "No service was found." while the JAX-RS application redeploys as
     * resources register after start, HTML 500 while it starts). Every answer of Bashgah's counts, whatever its
     * status.
     */
    private Answer answered(Callable<Answer> request) {
        return await().atMost(REPLAY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
            .ignoreException(IOException.class).until(() -> {
                Answer answer = request.call();
                if (fromBashgah(answer)) return answer;
                containerAnswers.incrementAndGet();
                return null;
            }, notNullValue());
    }

    /** Bashgah answers JSON, errors too (problem+json); the container's own pages are HTML. */
    private static boolean fromBashgah(Answer answer) {
        return answer.contentType().contains("json") && answer.body() != null;
    }

    /** With {@code bashgah.itest.postgres} set, the copy's datasource on a fresh database of that server; says which. */
    private static String useDatabase(RunningDistribution copy) throws IOException {
        if (!TestPostgres.configured()) return "Derby";
        Map<String, String> datasource = TestPostgres.freshDatabase("bashgah_crash_");
        Path cfg = copy.etc("org.ops4j.datasource-bashgah.cfg");
        for (Map.Entry<String, String> setting : datasource.entrySet()) setProperty(cfg, setting.getKey(), setting.getValue());
        return "PostgreSQL " + datasource.get("url");
    }
}

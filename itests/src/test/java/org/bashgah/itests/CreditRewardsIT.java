package org.bashgah.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.bashgah.core.api.OrganisationService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * bashgah-credit's rewards catalogue and points conversion over HTTP. Members earn their points as a shop's
 * customers do: under the chain's policy of 10% credit and one point per 1,000 paid, a point worth 100.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditRewardsIT extends BashgahTestSupport {

    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly("bashgah-core", "bashgah-credit")};
    }

    @Inject
    protected OrganisationService organisations;

    @Before
    public void chainPolicy() {
        awaitStatus(200, "/api/v1/credit/rewards", admin());
        awaitHealthy();
        // no signup points: they arrive by event, after the test has read the balance
        expect(200, call("PUT", "/api/v1/credit/policy", admin(), json("creditPercent", 10, "creditTo", "SHARED",
            "amountPerPoint", 1000, "pointValue", 100, "signupPoints", 0, "referralPoints", 0,
            "creditExpiryDays", 0, "pointsExpiryDays", 0)));
    }

    @Test
    public void aChainAdminKeepsTheCatalogueEveryoneReadsIt() throws Exception {
        String branch = branch("rw-cat-1");
        Answer created = expect(201, post("/api/v1/credit/rewards", admin(), json("name", "Coffee mug",
            "pointsCost", 500, "stock", 3, "branches", List.of(branch, branch))));
        long id = created.number("id");
        assertEquals("Coffee mug", created.text("name"));
        assertEquals(3, created.number("stock"));
        assertEquals(List.of(branch), texts(created.body().path("branches")));
        assertTrue(created.body().path("active").asBoolean());
        assertEquals(created.body(), expect(200, get("/api/v1/credit/rewards/" + id, admin())).body());

        String operator = user("operator", branch);
        assertTrue(texts(expect(200, get("/api/v1/credit/rewards", operator)).body(), "name").contains("Coffee mug"));
        expect(403, post("/api/v1/credit/rewards", operator, json("name", "Free tea", "pointsCost", 100)));
        expect(403, call("PATCH", "/api/v1/credit/rewards/" + id, operator, json("active", false)));

        Answer changed = expect(200, call("PATCH", "/api/v1/credit/rewards/" + id, admin(),
            json("name", "Big mug", "pointsCost", 600, "stock", 10)));
        assertEquals("Big mug", changed.text("name"));
        assertEquals(600, changed.number("pointsCost"));
        assertEquals(10, changed.number("stock"));
        assertEquals(List.of(branch), texts(changed.body().path("branches")));
        Answer unlimited = expect(200, call("PATCH", "/api/v1/credit/rewards/" + id, admin(),
            json("unlimitedStock", true, "branches", List.of(), "active", false)));
        assertTrue(unlimited.body().path("stock").isNull());
        assertEquals(0, unlimited.body().path("branches").size());
        assertTrue(!unlimited.body().path("active").asBoolean());

        // every fault at once (400); a branch that does not exist (422); unknown rewards (404)
        Answer bad = expect(400, post("/api/v1/credit/rewards", admin(),
            json("name", "<script>", "pointsCost", 0, "stock", -1)));
        assertEquals(List.of("name", "pointsCost", "stock"), texts(bad.body().path("errors"), "field"));
        assertEquals(List.of("name", "pointsCost"), texts(expect(400, post("/api/v1/credit/rewards", admin(),
            json("stock", 5))).body().path("errors"), "field"));
        expect(400, post("/api/v1/credit/rewards", admin(), json("name", "Mug", "pointsCost", 5, "colour", "red")));
        Answer nowhere = expect(422, post("/api/v1/credit/rewards", admin(), json("name", "Mug", "pointsCost", 5,
            "branches", List.of("nowhere-9"))));
        assertEquals("branches", nowhere.body().path("errors").get(0).path("field").asText());
        expect(422, call("PATCH", "/api/v1/credit/rewards/" + id, admin(), json("branches", List.of("nowhere-9"))));
        expect(400, call("PATCH", "/api/v1/credit/rewards/" + id, admin(), json("stock", 1, "unlimitedStock", true)));
        expect(400, call("PATCH", "/api/v1/credit/rewards/" + id, admin(), json("pointsCost", -5)));
        expect(404, call("PATCH", "/api/v1/credit/rewards/999999", admin(), json("active", true)));
        expect(404, get("/api/v1/credit/rewards/mug", admin()));
        assertEquals("Big mug", expect(200, get("/api/v1/credit/rewards/" + id, admin())).text("name"));

        List<String> actions = texts(expect(200, get("/api/v1/audit?limit=50", admin())).body(), "action");
        assertTrue(actions.toString(), actions.contains("credit.reward.create"));
        assertTrue(actions.toString(), actions.contains("credit.reward.update"));
        String listed = shell("bashgah:credit-rewards");
        assertTrue(listed, listed.contains("Big mug") && listed.contains("unlimited"));
        JsonNode doc = expect(200, get("/api/openapi.json", null)).body();
        assertTrue(doc.path("paths").has("/api/v1/credit/rewards/{id}/claims"));
        assertTrue(doc.path("paths").has("/api/v1/credit/conversions"));
    }

    @Test
    public void aMemberWith600PointsClaimsAMugOnceAndARetryWritesNothing() throws Exception {
        String branch = branch("rw-claim-1");
        String phone = newPhone();
        String member = memberWithPoints(phone, branch, 600);
        long mug = reward("Mug", 500, 2L, List.of());

        Answer first = expect(201, claim(mug, phone, branch, "claim-" + phone));
        assertEquals(mug, first.number("reward"));
        assertEquals(member, first.text("member"));
        assertEquals(500, first.number("points"));
        assertEquals(branch, first.text("branch"));
        assertTrue(first.raw(), first.body().has("id") && first.body().has("at"));
        assertEquals(100, points(member));
        assertEquals(1, stock(mug));
        JsonNode entry = expect(200, get("/api/v1/members/" + member + "/ledger?limit=1", admin())).body().get(0);
        assertEquals("REDEEM", entry.path("kind").asText());
        assertEquals(-500, entry.path("amount").asLong());
        assertEquals("reward:" + mug, entry.path("offerId").asText());

        // the same key again, with the member by id this time: the first answer, nothing written
        Answer again = expect(200, claim(mug, member, branch, "claim-" + phone));
        assertEquals(first.body(), again.body());
        assertEquals(100, points(member));
        assertEquals(1, stock(mug));
        long cup = reward("Cup", 50, null, List.of());
        expect(409, claim(cup, phone, branch, "claim-" + phone));

        // 100 points are not enough for the second mug: 422 on the member, and nothing changes
        Answer poor = expect(422, claim(mug, phone, branch, "claim2-" + phone));
        assertEquals("member", poor.body().path("errors").get(0).path("field").asText());
        assertEquals(100, points(member));
        assertEquals(1, stock(mug));
        JsonNode claims = expect(200, get("/api/v1/credit/rewards/" + mug + "/claims", admin())).body();
        assertEquals(1, claims.size());
        assertEquals("DONE", claims.get(0).path("status").asText());
        expect(422, claim(mug, "09350000000", branch, "claim3-" + phone));
        expect(400, post("/api/v1/credit/rewards/" + mug + "/claims", admin(), json("member", phone)));
        expect(404, claim(999999, phone, branch, "claim4-" + phone));
        assertLedgerClean();
    }

    @Test
    public void eightClaimsRacingForThreeMugsGetExactlyThree() throws Exception {
        String branch = branch("rw-race-1");
        String phone = newPhone();
        String member = memberWithPoints(phone, branch, 10_000);
        long mug = reward("Last mugs", 100, 3L, List.of(branch));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> racing = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String key = "race-" + i + "-" + phone;
                racing.add(pool.submit((Callable<Answer>) () -> {
                    start.await();
                    return claim(mug, phone, branch, key);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Answer> f : racing) {
                Answer a = f.get();
                if (a.status() == 201) {
                    won++;
                } else {
                    assertEquals(a.raw(), 422, a.status());
                    assertTrue(a.raw(), a.text("detail").contains("out of stock"));
                }
            }
            assertEquals(3, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, stock(mug));
        assertEquals(10_000 - 3 * 100, points(member));
        assertEquals(3, expect(200, get("/api/v1/credit/rewards/" + mug + "/claims", admin())).body().size());
        assertLedgerClean();
    }

    @Test
    public void aRewardOfOneBranchIsRefusedAtAnother() throws Exception {
        String north = branch("rw-north");
        String south = branch("rw-south");
        String phone = newPhone();
        String member = memberWithPoints(phone, north, 1000);
        long scarf = reward("Scarf", 300, 5L, List.of(north));

        Answer elsewhere = expect(422, claim(scarf, phone, south, "south-" + phone));
        assertEquals("branch", elsewhere.body().path("errors").get(0).path("field").asText());
        assertEquals(1000, points(member));
        assertEquals(5, stock(scarf));

        // a branch-bound caller claims only at its branch, where the branch is its default
        String southOperator = user("operator", south);
        expect(403, claim(scarf, phone, north, "north-op-" + phone, southOperator));
        String northOperator = user("operator", north);
        expect(201, post("/api/v1/credit/rewards/" + scarf + "/claims", northOperator,
            json("member", phone, "idempotencyKey", "north-" + phone)));
        assertEquals(700, points(member));

        // claims are seen by the chain and by the branch's own manager
        assertEquals(1, expect(200, get("/api/v1/credit/rewards/" + scarf + "/claims", user("branch-manager", north)))
            .body().size());
        assertEquals(0, expect(200, get("/api/v1/credit/rewards/" + scarf + "/claims", user("branch-manager", south)))
            .body().size());
        expect(403, get("/api/v1/credit/rewards/" + scarf + "/claims", northOperator));
        expect(400, get("/api/v1/credit/rewards/" + scarf + "/claims?limit=0", admin()));

        expect(200, call("PATCH", "/api/v1/credit/rewards/" + scarf, admin(), json("active", false)));
        assertEquals("reward", expect(422, claim(scarf, phone, north, "inactive-" + phone)).body().path("errors")
            .get(0).path("field").asText());
        assertEquals(700, points(member));
        assertEquals(4, stock(scarf));
    }

    /**
     * A claim whose call died after reserving the stock (PENDING) is finished by the retry of its key; one
     * whose member's points were spent meanwhile is rejected and its stock given back.
     */
    @Test
    public void aRetryFinishesAClaimLeftPendingByACrash() throws Exception {
        String branch = branch("rw-crash-1");
        String phone = newPhone();
        String member = memberWithPoints(phone, branch, 400);
        long lamp = reward("Lamp", 300, 2L, List.of());

        crashedAfterReserving(lamp, "Lamp", member, branch, 300, "crash-" + phone);
        assertEquals(1, stock(lamp));
        assertEquals(400, points(member));
        Answer finished = expect(201, claim(lamp, phone, branch, "crash-" + phone));
        assertEquals(300, finished.number("points"));
        assertEquals(100, points(member));
        assertEquals(1, stock(lamp));
        assertEquals(finished.body(), expect(200, claim(lamp, phone, branch, "crash-" + phone)).body());

        crashedAfterReserving(lamp, "Lamp", member, branch, 300, "crash2-" + phone);
        assertEquals(0, stock(lamp));
        Answer rejected = expect(422, claim(lamp, phone, branch, "crash2-" + phone));
        assertEquals("member", rejected.body().path("errors").get(0).path("field").asText());
        assertEquals(1, stock(lamp));
        assertEquals(100, points(member));
        assertEquals(rejected.body(), expect(422, claim(lamp, phone, branch, "crash2-" + phone)).body());
        assertEquals(1, stock(lamp));
        assertLedgerClean();
    }

    @Test
    public void pointsConvertToSharedCreditAtThePointValue() throws Exception {
        String branch = branch("rw-convert-1");
        String phone = newPhone();
        String member = memberWithPoints(phone, branch, 600);
        long shared = balances(member).path("sharedCredit").asLong();
        assertEquals(60_000, shared);

        Answer converted = expect(201, post("/api/v1/credit/conversions", admin(),
            json("member", phone, "points", 200, "idempotencyKey", "conv-" + phone)));
        assertEquals(200, converted.number("points"));
        assertEquals(20_000, converted.number("credit"));
        assertEquals(100, converted.number("pointValue"));
        assertEquals(2, converted.body().path("entries").size());
        assertEquals(400, points(member));
        assertEquals(shared + 20_000, balances(member).path("sharedCredit").asLong());

        Answer again = expect(200, post("/api/v1/credit/conversions", admin(),
            json("member", phone, "points", 200, "idempotencyKey", "conv-" + phone)));
        assertEquals(converted.body(), again.body());
        assertEquals(400, points(member));
        expect(409, post("/api/v1/credit/conversions", admin(),
            json("member", phone, "points", 300, "idempotencyKey", "conv-" + phone)));

        Answer tooMany = expect(422, post("/api/v1/credit/conversions", admin(),
            json("member", phone, "points", 401, "idempotencyKey", "conv2-" + phone)));
        assertEquals("points", tooMany.body().path("errors").get(0).path("field").asText());
        assertEquals(400, points(member));
        assertEquals(shared + 20_000, balances(member).path("sharedCredit").asLong());
        expect(400, post("/api/v1/credit/conversions", admin(),
            json("member", phone, "points", 0, "idempotencyKey", "conv3-" + phone)));

        // at a branch with its own policy, its point value counts
        expect(200, call("PUT", "/api/v1/credit/policy/branches/" + branch, admin(), json("pointValue", 50)));
        Answer there = expect(201, post("/api/v1/credit/conversions", user("operator", branch),
            json("member", member, "points", 100, "idempotencyKey", "conv4-" + phone)));
        assertEquals(5_000, there.number("credit"));
        assertEquals(branch, there.text("branch"));
        assertEquals(300, points(member));
        assertEquals(shared + 25_000, balances(member).path("sharedCredit").asLong());
        assertLedgerClean();
    }

    // ---- helpers

    /** A new member who earned {@code points} through one purchase (1 point per 1,000). */
    private String memberWithPoints(String phone, String branch, long points) {
        String id = member(phone, branch);
        Answer bought = expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", "buy-" + phone,
            "member", phone, "branch", branch, "amount", points * 1000)));
        assertEquals(points, bought.number("earned.points"));
        assertEquals(points, points(id));
        return id;
    }

    private long reward(String name, long cost, Long stock, List<String> branches) {
        return expect(201, post("/api/v1/credit/rewards", admin(), json("name", name, "pointsCost", cost,
            "stock", stock, "branches", branches))).number("id");
    }

    private Answer claim(long reward, String member, String branch, String key) {
        return claim(reward, member, branch, key, admin());
    }

    private static Answer claim(long reward, String member, String branch, String key, String token) {
        return post("/api/v1/credit/rewards/" + reward + "/claims", token,
            json("member", member, "branch", branch, "idempotencyKey", key));
    }

    private long stock(long reward) {
        return expect(200, get("/api/v1/credit/rewards/" + reward, admin())).number("stock");
    }

    private JsonNode balances(String memberId) {
        return expect(200, get("/api/v1/members/" + memberId + "/balances", admin())).body();
    }

    private long points(String memberId) {
        return balances(memberId).path("points").asLong();
    }

    /** A new user of the role at the branch, logged in. */
    private String user(String role, String branch) {
        String name = role + "-" + newPhone();
        expect(201, post("/api/v1/users", admin(), json("user", name, "password", "rewards-password-1",
            "role", role, "branch", branch)));
        return login(name, "rewards-password-1");
    }

    private void assertLedgerClean() throws Exception {
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    /** What step 1 of a claim leaves when the server dies before taking the points: stock taken, claim PENDING. */
    private void crashedAfterReserving(long reward, String name, String member, String branch, long points, String key)
            throws Exception {
        String org = organisations.list().stream().filter(o -> o.code().equals("main")).findFirst().orElseThrow().id();
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class,
            "(osgi.jndi.service.name=bashgah)").iterator().next();
        try (Connection c = bundleContext.getService(ref).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement take = c.prepareStatement("UPDATE credit_reward SET stock = stock - 1 WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO credit_reward_claim (org_id, idempotency_key,"
                     + " reward_id, reward_name, member_id, branch_code, points, status, claimed_at, claimed_by)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, 'itest')")) {
                take.setLong(1, reward);
                take.executeUpdate();
                insert.setString(1, org);
                insert.setString(2, key);
                insert.setLong(3, reward);
                insert.setString(4, name);
                insert.setString(5, member);
                insert.setString(6, branch);
                insert.setLong(7, points);
                insert.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                insert.executeUpdate();
            }
            c.commit();
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}

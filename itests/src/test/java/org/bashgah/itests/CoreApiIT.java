package org.bashgah.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.JobClaims;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContributor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/** The API.md contract, end to end over HTTP against the assembled distribution on Derby. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreApiIT extends BashgahTestSupport {

    /** Core alone: what a purchase earns here comes only from the contributors these tests register. */
    @Override
    protected org.ops4j.pax.exam.Option[] extraOptions() {
        return new org.ops4j.pax.exam.Option[] {bootOnly("bashgah-core")};
    }

    @Inject
    protected LedgerService ledger;

    @Inject
    protected MemberService members;

    @Inject
    protected JobClaims jobClaims;

    /** Gives a member shared credit through the real ledger service, as a capability would. */
    private void giveSharedCredit(String memberId, long amount, String key) {
        ledger.post(mainOrganisation(), memberId, key,
            List.of(new LedgerService.Posting(Account.sharedCredit(), amount, EntryKind.ADJUST, "itest", "gift", null)),
            "itest");
    }

    @Test
    public void aPointOfSaleJoinsAMemberAndPostsAPurchaseOnce() {
        String token = admin();
        String branch = branch("tehran-1");
        String phone = newPhone();
        Answer joined = expect(201, post("/api/v1/members", token, json("phone", phone, "name", "Ali Rezaei",
            "birthDate", "1990-05-01", "branch", branch, "smsOptIn", true)));
        String id = joined.text("id");
        assertEquals(e164(phone), joined.text("phone"));
        assertEquals("BRONZE", joined.text("tier"));
        assertEquals(branch, joined.text("joinedBranch"));

        // 0912... and +98912... are the same member
        Answer again = expect(409, post("/api/v1/members", token, json("phone", e164(phone), "name", "Ali")));
        assertEquals(id, again.text("existingId"));
        assertEquals(id, expect(200, get("/api/v1/members?phone=" + phone, token)).body().get(0).path("id").asText());
        assertEquals(id, expect(200, get("/api/v1/members?phone=%2B98" + phone.substring(1), token)).body().get(0)
            .path("id").asText());

        Map<String, Object> purchase = json("idempotencyKey", "pos-17-" + phone, "member", e164(phone),
            "branch", branch, "at", "2026-11-23T10:15:00+03:30", "amount", 600000,
            "lines", List.of(json("productGroup", "shoes", "amount", 600000)),
            "redeem", json("sharedCredit", 0, "branchCredit", 0, "points", 0));
        Answer first = expect(201, post("/api/v1/purchases", token, purchase));
        assertEquals(600000, first.number("amount"));
        assertEquals(600000, first.number("payable"));
        assertEquals("2026-11-23T10:15:00+03:30", first.text("at"));
        Answer replay = expect(200, post("/api/v1/purchases", token, purchase));
        assertEquals(first.body(), replay.body());

        // the same key for a different purchase is a conflict, not a silent replay
        Map<String, Object> changed = new java.util.LinkedHashMap<>(purchase);
        changed.put("amount", 700000);
        changed.put("lines", List.of());
        expect(409, post("/api/v1/purchases", token, changed));

        // a closed branch takes no purchase at once (this node remembers active branches), its replays still answer
        expect(200, call("PATCH", "/api/v1/branches/" + branch, token, json("active", false)));
        assertEquals(first.body(), expect(200, post("/api/v1/purchases", token, purchase)).body());
        Map<String, Object> atClosed = new java.util.LinkedHashMap<>(purchase);
        atClosed.put("idempotencyKey", "pos-18-" + phone);
        assertEquals(Set.of("branch"), fields(expect(422, post("/api/v1/purchases", token, atClosed)).body()));
        expect(200, call("PATCH", "/api/v1/branches/" + branch, token, json("active", true)));

        JsonNode stats = expect(200, get("/api/v1/members/" + id + "/stats", token)).body();
        assertEquals(1, stats.path("visits").asLong());
        assertEquals(600000, stats.path("totalSpend").asLong());
        assertEquals(1, stats.path("productGroups").path("shoes").path("count").asLong());
        assertEquals(1, stats.path("branches").path(branch).path("count").asLong());

        JsonNode view = expect(200, get("/api/v1/purchases/" + first.text("id"), token)).body();
        assertEquals(id, view.path("member").asText());
        assertEquals("admin", view.path("createdBy").asText());

        JsonNode doc = expect(200, get("/api/openapi.json", null)).body();
        assertTrue(doc.path("paths").has("/api/v1/purchases"));
        assertTrue(doc.path("paths").has("/api/v1/members/{id}/balances"));
    }

    @Test
    public void aShoeShopGivesTenPercentCreditAndARefundTakesItBack() throws Exception {
        String token = admin();
        String branch = branch("shoe-shop");
        // a real contributor through the public SPI: 10% shared credit at the shoe shop
        PurchaseContributor tenPercent = new PurchaseContributor() {
            @Override
            public String name() {
                return "itest-ten-percent";
            }

            @Override
            public List<Proposal> contribute(org.bashgah.core.api.PurchaseContext p) {
                if (!p.branch().equals(branch)) return List.of();
                return List.of(Proposal.earn(Account.sharedCredit(), p.amount() / 10, "itest-ten-percent", null));
            }
        };
        ServiceRegistration<PurchaseContributor> registration =
            bundleContext.registerService(PurchaseContributor.class, tenPercent, new Hashtable<>());
        try {
            String phone = newPhone();
            String id = member(phone, branch);
            Answer bought = expect(201, post("/api/v1/purchases", token, json("idempotencyKey", "shoe-" + phone,
                "member", phone, "branch", branch, "amount", 200000,
                "lines", List.of(json("productGroup", "shoes", "amount", 150000),
                    json("productGroup", "socks", "amount", 50000)))));
            assertEquals(20000, bought.number("earned.sharedCredit"));
            assertEquals(20000, bought.number("balances.sharedCredit"));

            // spend 5,000 of it on the next purchase: it pays part and earns 10% of the whole amount
            Answer second = expect(201, post("/api/v1/purchases", token, json("idempotencyKey", "shoe2-" + phone,
                "member", phone, "branch", branch, "amount", 30000, "redeem", json("sharedCredit", 5000))));
            assertEquals(25000, second.number("payable"));
            assertEquals(20000 - 5000 + 3000, second.number("balances.sharedCredit"));

            // refund the socks line (a quarter of the first purchase): a quarter of its credit comes back out
            String purchaseId = bought.text("id");
            Answer socks = expect(201, post("/api/v1/purchases/" + purchaseId + "/refund", token,
                json("idempotencyKey", "refund-socks-" + phone,
                    "lines", List.of(json("productGroup", "socks", "amount", 50000)))));
            assertEquals(50000, socks.number("refunded"));
            assertEquals(5000, socks.number("reversed.SHARED_CREDIT"));
            assertEquals(50000, socks.number("cashRefund"));
            expect(200, post("/api/v1/purchases/" + purchaseId + "/refund", token,
                json("idempotencyKey", "refund-socks-" + phone,
                    "lines", List.of(json("productGroup", "socks", "amount", 50000)))));
            expect(422, post("/api/v1/purchases/" + purchaseId + "/refund", token,
                json("idempotencyKey", "refund-socks-again-" + phone,
                    "lines", List.of(json("productGroup", "socks", "amount", 1)))));

            // refund the second purchase whole: its 3,000 credit goes, the 5,000 it redeemed comes back
            Answer secondRefund = expect(201, post("/api/v1/purchases/" + second.text("id") + "/refund", token,
                json("idempotencyKey", "refund-second-" + phone)));
            assertEquals(3000, secondRefund.number("reversed.SHARED_CREDIT"));
            assertEquals(5000, secondRefund.number("returned.SHARED_CREDIT"));
            assertEquals(25000, secondRefund.number("cashRefund"));
            assertEquals(15000, secondRefund.number("balances.sharedCredit"));
            // and the rest of the first: the last 15,000 of its credit goes
            Answer rest = expect(201, post("/api/v1/purchases/" + purchaseId + "/refund", token,
                json("idempotencyKey", "refund-rest-" + phone)));
            assertEquals(150000, rest.number("refunded"));
            assertEquals(200000, rest.number("totalRefunded"));
            assertEquals(150000, rest.number("cashRefund"));
            assertEquals(0, rest.number("balances.sharedCredit"));

            JsonNode stats = expect(200, get("/api/v1/members/" + id + "/stats", token)).body();
            assertEquals(0, stats.path("totalSpend").asLong());
            // the counters: two visits to the branch, the shoes and socks of the first purchase, all money back
            JsonNode atShop = stats.path("branches").path(branch);
            assertEquals(stats.toString(), 2, atShop.path("count").asLong());
            assertEquals(stats.toString(), 0, atShop.path("amount").asLong());
            assertEquals(stats.toString(), 1, stats.path("productGroups").path("shoes").path("count").asLong());
            assertEquals(stats.toString(), 0, stats.path("productGroups").path("shoes").path("amount").asLong());
            assertEquals(stats.toString(), 1, stats.path("productGroups").path("socks").path("count").asLong());
            assertEquals(stats.toString(), 0, stats.path("productGroups").path("socks").path("amount").asLong());
            assertEquals(stats.toString(), Set.of("shoes", "socks"), fieldNames(stats.path("productGroups")));
            JsonNode entries = expect(200, get("/api/v1/members/" + id + "/ledger", token)).body();
            long sum = 0;
            for (JsonNode e : entries) sum += e.path("amount").asLong();
            assertEquals(0, sum);
            assertEquals("REVERSAL", entries.get(0).path("kind").asText());
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void racingRedemptionsNeverSpendMoreThanTheBalance() throws Exception {
        String token = admin();
        String branch = branch("race-1");
        String phone = newPhone();
        String id = member(phone, branch);
        giveSharedCredit(id, 10000, "gift-" + phone);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> redemptions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "race-" + phone + "-" + i;
                redemptions.add(() -> post("/api/v1/purchases", token, json("idempotencyKey", key, "member", phone,
                    "branch", branch, "amount", 3000, "redeem", json("sharedCredit", 3000))).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(redemptions)) statuses.add(f.get());
            assertEquals(statuses.toString(), 3, Collections.frequency(statuses, 201));
            assertEquals(statuses.toString(), 5, Collections.frequency(statuses, 422));

            // the same key sent by eight tills at once is written once
            Map<String, Object> same = json("idempotencyKey", "same-" + phone, "member", phone, "branch", branch,
                "amount", 1000, "redeem", json("sharedCredit", 1000));
            List<Callable<Answer>> retries = new ArrayList<>();
            for (int i = 0; i < 8; i++) retries.add(() -> post("/api/v1/purchases", token, same));
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : pool.invokeAll(retries)) answers.add(f.get());
            assertEquals(1, answers.stream().filter(a -> a.status() == 201).count());
            assertEquals(7, answers.stream().filter(a -> a.status() == 200).count());
            assertEquals(1, answers.stream().map(a -> a.text("id")).distinct().count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, expect(200, get("/api/v1/members/" + id + "/balances", token)).number("sharedCredit"));
        assertEquals(4, members.stats(mainOrganisation(), id).visits());
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    @Test
    public void aDailyJobIsClaimedByExactlyOneOfManyRacingNodes() throws Exception {
        String period = "2026-11-23-" + newPhone();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> nodes = new ArrayList<>();
            for (int i = 0; i < 8; i++) nodes.add(() -> jobClaims.claim("itest.daily", period));
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(nodes)) won.add(f.get());
            assertEquals(won.toString(), 1, Collections.frequency(won, true));
        } finally {
            pool.shutdownNow();
        }
        assertFalse(jobClaims.claim("itest.daily", period));
        assertTrue(jobClaims.claim("itest.daily", period + "-next"));
    }

    @Test
    public void branchBoundCallersSeeAndTouchOnlyTheirBranch() {
        String admin = admin();
        String own = branch("karaj-1");
        String other = branch("karaj-2");
        String phone = newPhone();
        String id = member(phone, own);

        Answer key = expect(201, post("/api/v1/api-keys", admin, json("branch", own, "name", "pos-3")));
        String pos = key.text("key");
        assertTrue(pos.startsWith("bgk_"));
        assertFalse("the key is never listed again",
            expect(200, get("/api/v1/api-keys", admin)).raw().contains(pos));

        expect(201, post("/api/v1/purchases", pos, json("idempotencyKey", "own-" + phone, "member", phone,
            "branch", own, "amount", 1000)));
        Answer elsewhere = expect(403, post("/api/v1/purchases", pos, json("idempotencyKey", "other-" + phone,
            "member", phone, "branch", other, "amount", 1000)));
        assertEquals("urn:bashgah:problem:forbidden", elsewhere.text("type"));
        expect(403, get("/api/v1/branches/" + other, pos));
        assertEquals(1, expect(200, get("/api/v1/branches", pos)).body().size());
        expect(403, post("/api/v1/branches", pos, json("code", "x-1", "name", "X")));
        JsonNode balances = expect(200, get("/api/v1/members/" + id + "/balances", pos)).body();
        assertEquals(List.of(own), iterate(balances.path("branchCredit").fieldNames()));
        assertEquals(1, members.stats(mainOrganisation(), id).visits());

        // an operator of the branch: may post purchases there, may not manage the chain
        expect(201, post("/api/v1/users", admin, json("user", "op-" + phone, "password", "operator-password-1",
            "role", "operator", "branch", own)));
        String operator = login("op-" + phone, "operator-password-1");
        expect(403, post("/api/v1/branches", operator, json("code", "x-2", "name", "X")));
        expect(403, post("/api/v1/api-keys", operator, json("branch", own, "name", "pos-9")));
        expect(403, get("/api/v1/audit", operator));

        expect(204, call("DELETE", "/api/v1/api-keys/" + key.text("id"), admin, null));
        expect(401, get("/api/v1/branches", pos));
        expect(401, get("/api/v1/branches", null));
        expect(401, get("/api/v1/branches", "bgt_not-a-token"));

        JsonNode audit = expect(200, get("/api/v1/audit?limit=50", admin)).body();
        boolean created = false;
        boolean revoked = false;
        for (JsonNode line : audit) {
            created |= line.path("action").asText().equals("api-key.create") && line.path("actor").asText().equals("admin");
            revoked |= line.path("action").asText().equals("api-key.revoke");
        }
        assertTrue(audit.toString(), created && revoked);
    }

    @Test
    public void theConsoleFindsMembersByNameByPartOfThePhoneAndByTagNewestFirst() {
        String admin = admin();
        String branch = branch("shiraz-1");
        String run = newPhone().substring(4); // seven digits: names and tags of this run only
        String tag = "club-" + run;
        String first = newPhone();
        String second = newPhone();
        String third = newPhone();
        String sara = expect(201, post("/api/v1/members", admin, json("phone", first, "name", "Sara Rahimi " + run,
            "branch", branch, "tags", List.of(tag, "vip")))).text("id");
        String sarah = expect(201, post("/api/v1/members", admin, json("phone", second, "name", "SARAH Noori " + run,
            "branch", branch, "tags", List.of(tag)))).text("id");
        String reza = expect(201, post("/api/v1/members", admin, json("phone", third, "name", "رضا " + run,
            "branch", branch, "tags", List.of("vip")))).text("id");

        // by name, ignoring case; the newest joined first
        assertEquals(List.of(sarah, sara), ids(expect(200, get("/api/v1/members?q=sara", admin)).body(), sara, sarah, reza));
        assertEquals(List.of(reza), ids(expect(200, get("/api/v1/members?q=" + encode("رضا " + run), admin)).body(),
            sara, sarah, reza));
        // by the tail of a phone, typed with the national 0, a space and Persian digits
        String tail = third.substring(5);
        assertEquals(List.of(reza), ids(expect(200, get("/api/v1/members?q=" + encode(persianDigits(tail)), admin)).body(),
            sara, sarah, reza));
        assertEquals(List.of(reza), ids(expect(200, get("/api/v1/members?q=" + encode("0912 " + third.substring(4)), admin))
            .body(), sara, sarah, reza));
        // by tag, alone and with a name; the tag is a whole code, not a part of one
        assertEquals(List.of(sarah, sara), ids(expect(200, get("/api/v1/members?tag=" + tag, admin)).body(), sara, sarah, reza));
        assertEquals(List.of(sara), ids(expect(200, get("/api/v1/members?tag=" + tag + "&q=rahimi", admin)).body(),
            sara, sarah, reza));
        assertEquals(0, expect(200, get("/api/v1/members?tag=club-" + run.substring(1), admin)).body().size());
        // pages
        JsonNode page1 = expect(200, get("/api/v1/members?tag=" + tag + "&limit=1", admin)).body();
        JsonNode page2 = expect(200, get("/api/v1/members?tag=" + tag + "&limit=1&offset=1", admin)).body();
        assertEquals(sarah, page1.get(0).path("id").asText());
        assertEquals(sara, page2.get(0).path("id").asText());
        assertEquals("[\"" + tag + "\",\"vip\"]", page2.get(0).path("tags").toString());
        // a LIKE wildcard in the text is a character like any other
        assertEquals(0, expect(200, get("/api/v1/members?q=" + encode("%" + run), admin)).body().size());

        // people only: a point-of-sale key finds by phone, never lists
        String pos = expect(201, post("/api/v1/api-keys", admin, json("branch", branch, "name", "pos-" + run))).text("key");
        expect(403, get("/api/v1/members?q=sara", pos));
        assertEquals(1, expect(200, get("/api/v1/members?phone=" + first, pos)).body().size());
        Answer bad = expect(400, get("/api/v1/members?tag=" + encode("no,comma") + "&limit=0", admin));
        assertEquals(Set.of("tag", "limit"), fields(bad.body()));
    }

    private static List<String> ids(JsonNode members, String... only) {
        List<String> wanted = List.of(only);
        List<String> ids = new ArrayList<>();
        for (JsonNode m : members) if (wanted.contains(m.path("id").asText())) ids.add(m.path("id").asText());
        return ids;
    }

    private static String persianDigits(String digits) {
        StringBuilder persian = new StringBuilder();
        for (char c : digits.toCharArray()) persian.append((char) ('\u06F0' + (c - '0')));
        return persian.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new java.util.TreeSet<>();
        for (JsonNode e : problem.path("errors")) fields.add(e.path("field").asText());
        return fields;
    }

    @Test
    public void organisationsNeverSeeEachOther() {
        String admin = admin();
        String phone = newPhone();
        String id = member(phone, branch("main-1"));
        expect(201, post("/api/v1/organisations", admin, json("code", "mall-shop-" + phone, "name", "Mall shop",
            "currency", "IRR", "timeZone", "Asia/Tehran",
            "admin", json("user", "shop-" + phone, "password", "shop-admin-password"))));
        String shop = login("shop-" + phone, "shop-admin-password");

        expect(404, get("/api/v1/members/" + id, shop));
        assertEquals(0, expect(200, get("/api/v1/members?phone=" + phone, shop)).body().size());
        expect(403, post("/api/v1/organisations", shop, json("code", "x", "name", "X",
            "admin", json("user", "x" + phone, "password", "xxxxxxxxxxxxx"))));
        assertEquals(1, expect(200, get("/api/v1/organisations", shop)).body().size());
        assertTrue(expect(200, get("/api/v1/branches", shop)).body().isEmpty());
        expect(201, post("/api/v1/branches", shop, json("code", "main-1", "name", "Same code, other shop")));
        // the same person joins the shop's club as a separate member
        String shopMember = expect(201, post("/api/v1/members", shop, json("phone", phone, "branch", "main-1")))
            .text("id");
        assertNotEquals(id, shopMember);
        expect(422, post("/api/v1/purchases", shop, json("idempotencyKey", "k-" + phone, "member", id,
            "branch", "main-1", "amount", 1000)));
    }

    @Test
    public void badInputIsRefusedClearlyAndWritesNothing() throws Exception {
        String token = admin();
        String branch = branch("bad-1");
        String phone = newPhone();
        String id = member(phone, branch);
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        long logSize = Files.size(log);

        String purchase = "/api/v1/purchases";
        Object[][] cases = {
            {400, "body", "{\"idempotencyKey\": \"k1\", \"amount\": "},
            {400, "bogus", json("idempotencyKey", "k2", "member", phone, "branch", branch, "amount", 10, "bogus", 1)},
            {400, "amount", json("idempotencyKey", "k3", "member", phone, "branch", branch, "amount", -5)},
            {400, "amount", json("idempotencyKey", "k4", "member", phone, "branch", branch, "amount", 0)},
            {400, "amount", "{\"idempotencyKey\":\"k5\",\"member\":\"" + phone + "\",\"branch\":\"" + branch
                + "\",\"amount\":99999999999999999999999}"},
            {400, "amount", json("idempotencyKey", "k6", "member", phone, "branch", branch, "amount", "100")},
            {400, "amount", json("idempotencyKey", "k7", "member", phone, "branch", branch, "amount", 10.5)},
            {400, "idempotencyKey", json("member", phone, "branch", branch, "amount", 10)},
            {400, "lines", json("idempotencyKey", "k8", "member", phone, "branch", branch, "amount", 10,
                "lines", List.of(json("productGroup", "shoes", "amount", 9)))},
            {400, "redeem.sharedCredit", json("idempotencyKey", "k9", "member", phone, "branch", branch,
                "amount", 10, "redeem", json("sharedCredit", -1))},
            {422, "branch", json("idempotencyKey", "k10", "member", phone, "branch", "nowhere", "amount", 10)},
            {422, "member", json("idempotencyKey", "k11", "member", "09350000000", "branch", branch, "amount", 10)},
            {422, "redeem.sharedCredit", json("idempotencyKey", "k12", "member", phone, "branch", branch,
                "amount", 10, "redeem", json("sharedCredit", 5))},
            {422, "redeem.points", json("idempotencyKey", "k13", "member", phone, "branch", branch,
                "amount", 10, "redeem", json("points", 5))},
        };
        for (Object[] c : cases) {
            Answer a = post(purchase, token, c[2]);
            assertEquals(c[2] + " -> " + a.raw(), (int) c[0], a.status());
            assertEquals(a.raw(), c[1], a.body().path("errors").get(0).path("field").asText());
            assertEquals((int) c[0], a.body().path("status").asInt());
            assertFalse(a.body().path("detail").asText().isEmpty());
        }

        // names that carry markup or SQL, and a phone that is no phone
        expect(400, post("/api/v1/members", token, json("phone", newPhone(), "name", "<script>alert(1)</script>")));
        expect(400, post("/api/v1/members", token, json("phone", newPhone(), "name", "x'); DROP TABLE core_member;--")));
        expect(400, post("/api/v1/members", token, json("phone", "not a phone")));
        expect(400, post("/api/v1/branches", token, json("code", "a b", "name", "Space in code")));
        expect(400, post("/api/v1/branches", token, json("code", "ok-1", "name", "<b>bold</b>")));
        expect(400, post("/api/v1/members", token, json("phone", newPhone(), "birthDate", "2990-01-01")));
        expect(400, post("/api/v1/members", token, json("phone", newPhone(), "birthDate", "yesterday")));

        expect(400, get("/api/v1/members/" + id + "/ledger?limit=abc", token));
        expect(400, get("/api/v1/audit?before=-1", token));

        // a 10 MB body is refused without being read
        String huge = "{\"idempotencyKey\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        Answer tooLarge = post(purchase, token, huge);
        assertEquals(413, tooLarge.status());

        // nothing was written: no visit, no ledger entry, no new member
        assertEquals(0, members.stats(mainOrganisation(), id).visits());
        assertEquals(0, expect(200, get("/api/v1/members/" + id + "/ledger", token)).body().size());
        assertEquals(0, expect(200, get("/api/v1/members?phone=09350000000", token)).body().size());

        String written = Files.readString(log).substring((int) logSize);
        assertFalse(written, written.contains("| ERROR |"));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

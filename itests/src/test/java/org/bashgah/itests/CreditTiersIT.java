package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.bashgah.core.api.Events;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * bashgah-credit's tiers over HTTP, with a salon's scheme: BRONZE from 0 points, SILVER from 1,000 (15% more
 * credit), GOLD from 5,000 (25% more credit, 5% off), by points earned over 365 days, under a 10% policy
 * with one point per 1,000 paid. Tier moves follow purchase events, so the tests wait for them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditTiersIT extends BashgahTestSupport {
    private static final int WINDOW_DAYS = 365;

    @Inject
    protected EventAdmin eventAdmin;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly("bashgah-core", "bashgah-credit")};
    }

    /** Every test starts from the salon's policy and scheme (a test may switch the scheme). */
    @Before
    public void salonPolicyAndTiers() {
        awaitStatus(200, "/api/v1/credit/tiers", admin());
        awaitHealthy();
        expect(200, call("PUT", "/api/v1/credit/policy", admin(), json("creditPercent", 10, "creditTo", "SHARED",
            "amountPerPoint", 1000, "maxRedeemPercent", 50, "creditExpiryDays", 0)));
        expect(200, call("PUT", "/api/v1/credit/tiers", admin(), salonScheme()));
    }

    private static Object salonScheme() {
        return json("measure", "POINTS", "windowDays", WINDOW_DAYS, "tiers", List.of(
            json("code", "BRONZE", "name", "Bronze", "threshold", 0, "extraCreditPercent", 0, "discountPercent", 0),
            json("code", "SILVER", "name", "Silver", "threshold", 1000, "extraCreditPercent", 15),
            json("code", "GOLD", "name", "Gold", "threshold", 5000, "extraCreditPercent", 25, "discountPercent", 5)));
    }

    @Test
    public void silverMembersEarnFifteenPercentMoreCreditAsASeparateBonus() {
        String branch = branch("salon-1");
        String phone = newPhone();
        String id = member(phone, branch);

        Answer first = expect(201, buy("a-" + phone, phone, branch, 600_000));
        assertEquals(600, first.number("earned.points"));
        awaitWindowSum(id, 600);
        assertEquals("BRONZE", standing(id).path("tier").asText());

        // 1,000 points earned in the window: SILVER at once, not at some later run
        Answer second = expect(201, buy("b-" + phone, phone, branch, 400_000));
        assertEquals(40_000, second.number("earned.sharedCredit"));
        awaitTier(id, "SILVER");
        assertEquals("SILVER", expect(200, get("/api/v1/members/" + id, admin())).text("tier"));
        JsonNode standing = standing(id);
        assertEquals(1000, standing.path("windowSum").asLong());
        assertEquals("POINTS", standing.path("measure").asText());
        assertEquals("GOLD", standing.path("nextTier").asText());
        assertEquals(4000, standing.path("toNextTier").asLong());
        assertTrue(standing.path("floor").isNull());
        Instant reviewAt = Instant.parse(standing.path("reviewAt").asText());
        Instant inAYear = Instant.now().plus(Duration.ofDays(WINDOW_DAYS));
        assertTrue(standing.toString(), Duration.between(reviewAt, inAYear).abs().toMinutes() < 5);

        // the salon's example: 100,000 paid earns 10,000 under the policy plus a 15,000 SILVER bonus
        Answer third = expect(201, buy("c-" + phone, phone, branch, 100_000));
        assertEquals(25_000, third.number("earned.sharedCredit"));
        assertEquals(0, third.number("discount"));
        assertEquals("SILVER", third.body().path("balances").path("tier").asText());
        JsonNode ledger = expect(200, get("/api/v1/members/" + id + "/ledger?limit=10", admin())).body();
        JsonNode bonus = entry(ledger, third.text("id"), "BONUS", "SHARED_CREDIT");
        assertEquals(15_000, bonus.path("amount").asLong());
        assertEquals("tier:SILVER", bonus.path("offerId").asText());
        assertEquals(10_000, entry(ledger, third.text("id"), "EARN", "SHARED_CREDIT").path("amount").asLong());
    }

    @Test
    public void downgradeWaitsForTheReviewDateThenFollowsTheWindow() throws Exception {
        String branch = branch("salon-2");
        String phone = newPhone();
        String id = member(phone, branch);
        expect(201, buy("r-" + phone, phone, branch, 1_000_000));
        awaitTier(id, "SILVER");
        Instant reviewAt = Instant.parse(standing(id).path("reviewAt").asText());

        // before the review date a review leaves the member alone, however little they bought since
        Answer early = expect(200, post("/api/v1/credit/tiers/review", admin(),
            json("asOf", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString())));
        assertEquals(0, early.number("reviewed"));
        assertEquals("SILVER", standing(id).path("tier").asText());

        // after the window, with no purchase since: back to BRONZE, reviewed again a window later
        OffsetDateTime after = reviewAt.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);
        Answer late = expect(200, post("/api/v1/credit/tiers/review", admin(), json("asOf", after.toString())));
        assertTrue(late.raw(), late.number("reviewed") >= 1 && late.number("movedDown") >= 1);
        JsonNode standing = standing(id);
        assertEquals("BRONZE", standing.path("tier").asText());
        assertEquals(after.toInstant().plus(Duration.ofDays(WINDOW_DAYS)), Instant.parse(standing.path("reviewAt").asText()));
        assertEquals("BRONZE", expect(200, get("/api/v1/members/" + id, admin())).text("tier"));

        // the same review again reviews nobody twice
        assertEquals(0, expect(200, post("/api/v1/credit/tiers/review", admin(), json("asOf", after.toString())))
            .number("reviewed"));
        String shell = shell("bashgah:credit-tier-review --as-of " + after);
        assertTrue(shell, shell.contains("0 members reviewed"));
    }

    @Test
    public void aManualGoldTierIsAFloorThatHoldsThroughReviews() {
        String branch = branch("salon-3");
        String phone = newPhone();
        String id = member(phone, branch);

        JsonNode gold = expect(200, call("PUT", "/api/v1/members/" + id + "/tier", admin(),
            json("tier", "GOLD", "note", "the owner's sister"))).body();
        assertEquals("GOLD", gold.path("tier").asText());
        assertEquals("GOLD", gold.path("floor").asText());
        assertTrue(gold.path("nextTier").isNull());
        assertEquals("GOLD", expect(200, get("/api/v1/members/" + id, admin())).text("tier"));

        // GOLD's benefits at once: 5% off 100,000, and on the 95,000 paid 10% credit plus 25% more
        Answer bought = expect(201, buy("g-" + phone, phone, branch, 100_000));
        assertEquals(5_000, bought.number("discount"));
        assertEquals(9_500 + 23_750, bought.number("earned.sharedCredit"));

        OffsetDateTime inThreeYears = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3L * WINDOW_DAYS);
        Answer review = expect(200, post("/api/v1/credit/tiers/review", admin(), json("asOf", inThreeYears.toString())));
        assertTrue(review.raw(), review.number("reviewed") >= 1);
        assertEquals("GOLD", standing(id).path("tier").asText());

        // without the floor the member keeps GOLD until the next review, then follows the window
        expect(204, call("DELETE", "/api/v1/members/" + id + "/tier", admin(), null));
        JsonNode unfloored = standing(id);
        assertTrue(unfloored.path("floor").isNull());
        assertEquals("GOLD", unfloored.path("tier").asText());
        OffsetDateTime inFiveYears = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5L * WINDOW_DAYS);
        expect(200, post("/api/v1/credit/tiers/review", admin(), json("asOf", inFiveYears.toString())));
        assertEquals("BRONZE", standing(id).path("tier").asText());
        expect(404, call("DELETE", "/api/v1/members/" + id + "/tier", admin(), null));

        // a floor must be a tier of the scheme, set by a chain admin, for a member that exists
        expect(422, call("PUT", "/api/v1/members/" + id + "/tier", admin(), json("tier", "PLATINUM")));
        expect(400, call("PUT", "/api/v1/members/" + id + "/tier", admin(), json("tier", "gold")));
        expect(404, call("PUT", "/api/v1/members/00000000-0000-0000-0000-000000000000/tier", admin(),
            json("tier", "GOLD")));
        expect(403, call("PUT", "/api/v1/members/" + id + "/tier", operator(branch), json("tier", "GOLD")));
        assertTrue(audited("credit.tier.floor") && audited("credit.tier.floor.remove"));
    }

    @Test
    public void bySpendARefundCountsAgainstTheWindow() {
        expect(200, call("PUT", "/api/v1/credit/tiers", admin(), json("measure", "SPEND", "windowDays", 30,
            "tiers", List.of(json("code", "BRONZE", "threshold", 0),
                json("code", "SILVER", "threshold", 500_000, "extraCreditPercent", 5)))));
        String branch = branch("salon-4");
        String phone = newPhone();
        String id = member(phone, branch);

        Answer coatAndHat = expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", "s1-" + phone,
            "member", phone, "branch", branch, "amount", 300_000, "lines", List.of(
                json("productGroup", "coats", "amount", 200_000), json("productGroup", "hats", "amount", 100_000)))));
        awaitWindowSum(id, 300_000);
        expect(201, post("/api/v1/purchases/" + coatAndHat.text("id") + "/refund", admin(),
            json("idempotencyKey", "s1-refund-" + phone, "lines", List.of(json("productGroup", "hats", "amount", 100_000)))));
        awaitWindowSum(id, 200_000);

        // 450,000 spent net of the refund: still BRONZE (550,000 without it would be SILVER)
        expect(201, buy("s2-" + phone, phone, branch, 250_000));
        awaitWindowSum(id, 450_000);
        assertEquals("BRONZE", standing(id).path("tier").asText());
        assertEquals(50_000, standing(id).path("toNextTier").asLong());

        expect(201, buy("s3-" + phone, phone, branch, 50_000));
        awaitTier(id, "SILVER");
        assertEquals("SPEND", standing(id).path("measure").asText());
    }

    /**
     * Credit counts purchases in batches (TierEvents): purchases posted at once by several tills each count once,
     * a refund posted right after its purchase (before the count) still comes off, and a redelivered event,
     * alone or twice in one batch, counts nothing.
     */
    @Test
    public void purchasesAtOnceCountOnceEachAndARefundRightAfterItsPurchaseStillCounts() throws Exception {
        expect(200, call("PUT", "/api/v1/credit/tiers", admin(), json("measure", "SPEND", "windowDays", 30,
            "tiers", List.of(json("code", "BRONZE", "threshold", 0),
                json("code", "SILVER", "threshold", 1_000_000, "extraCreditPercent", 5)))));
        String branch = branch("salon-6");
        String phoneA = newPhone();
        String phoneB = newPhone();
        String a = member(phoneA, branch);
        String b = member(phoneB, branch);

        ExecutorService tills = Executors.newFixedThreadPool(6);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Callable<Answer>> purchases = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String key = "batch-" + i + "-" + phoneA;
                purchases.add(() -> buy("a" + key, phoneA, branch, 100_000));
                purchases.add(() -> buy("b" + key, phoneB, branch, 50_000));
            }
            for (Future<Answer> f : tills.invokeAll(purchases)) answers.add(expect(201, f.get()));
        } finally {
            tills.shutdownNow();
        }
        // at once: the purchase's count is still queued when its refund's event follows it
        Answer last = expect(201, buy("a-last-" + phoneA, phoneA, branch, 100_000));
        expect(201, post("/api/v1/purchases/" + last.text("id") + "/refund", admin(),
            json("idempotencyKey", "a-last-refund-" + phoneA)));
        // 12 x 100,000 and a purchase refunded whole; 12 x 50,000
        awaitWindowSum(a, 1_200_000);
        awaitWindowSum(b, 600_000);
        awaitTier(a, "SILVER");
        assertEquals("BRONZE", standing(b).path("tier").asText());

        // one of A's purchases delivered again, twice in a row; then one more of B's, counted after them
        JsonNode counted = answers.stream().filter(x -> x.text("member").equals(a)).findFirst().orElseThrow().body();
        Map<String, Object> again = Map.of(Events.ORGANISATION, mainOrganisation(), Events.MEMBER, a,
            Events.PURCHASE, counted.path("id").asText(), Events.BRANCH, branch, Events.AMOUNT, 100_000L,
            Events.EARNED_POINTS, 0L, Events.AT, OffsetDateTime.parse(counted.path("at").asText()).toInstant().toString(),
            Events.TIER, "BRONZE");
        eventAdmin.postEvent(new Event(Events.PURCHASE_POSTED, again));
        eventAdmin.postEvent(new Event(Events.PURCHASE_POSTED, again));
        expect(201, buy("b-after-" + phoneB, phoneB, branch, 50_000));
        awaitWindowSum(b, 650_000);
        assertEquals(1_200_000, standing(a).path("windowSum").asLong());
    }

    @Test
    public void aSchemeIsCheckedWholeAndOnlyAChainAdminChangesIt() throws Exception {
        JsonNode before = expect(200, get("/api/v1/credit/tiers", admin())).body();
        assertEquals(List.of("BRONZE", "SILVER", "GOLD"), codes(before));
        assertEquals("15", before.path("tiers").get(1).path("extraCreditPercent").asText());

        Answer bad = expect(400, call("PUT", "/api/v1/credit/tiers", admin(), json("measure", "BALANCE",
            "windowDays", 0, "tiers", List.of(json("code", "bronze", "threshold", 5),
                json("code", "SILVER", "threshold", 0, "extraCreditPercent", 150)))));
        assertEquals(bad.raw(), 6, bad.body().path("errors").size());
        expect(400, call("PUT", "/api/v1/credit/tiers", admin(), json("measure", "POINTS", "windowDays", 365,
            "tiers", List.of(json("code", "BRONZE", "threshold", 0, "colour", "brown")))));
        expect(400, call("PUT", "/api/v1/credit/tiers", admin(), json("measure", "POINTS", "windowDays", 365,
            "tiers", List.of())));

        String branch = branch("salon-5");
        String operator = operator(branch);
        expect(403, call("PUT", "/api/v1/credit/tiers", operator, salonScheme()));
        expect(403, post("/api/v1/credit/tiers/review", operator, json()));
        assertEquals(before, expect(200, get("/api/v1/credit/tiers", operator)).body());
        assertTrue(audited("credit.tiers.update"));

        String shown = shell("bashgah:credit-tiers");
        assertTrue(shown, shown.contains("SILVER") && shown.contains("points earned over the last 365 days"));
        JsonNode doc = expect(200, get("/api/openapi.json", null)).body();
        assertTrue(doc.path("paths").has("/api/v1/credit/tiers"));
        assertTrue(doc.path("paths").has("/api/v1/members/{id}/tier"));
    }

    // ---- helpers

    private Answer buy(String key, String phone, String branch, long amount) {
        return post("/api/v1/purchases", admin(), json("idempotencyKey", key, "member", phone, "branch", branch,
            "amount", amount));
    }

    private JsonNode standing(String memberId) {
        return expect(200, get("/api/v1/members/" + memberId + "/tier", admin())).body();
    }

    private void awaitTier(String memberId, String tier) {
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
            .until(() -> tier.equals(standing(memberId).path("tier").asText()));
    }

    private void awaitWindowSum(String memberId, long sum) {
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
            .until(() -> standing(memberId).path("windowSum").asLong() == sum);
    }

    private static JsonNode entry(JsonNode ledger, String purchaseId, String kind, String account) {
        for (JsonNode e : ledger) {
            if (purchaseId.equals(e.path("purchaseId").asText()) && kind.equals(e.path("kind").asText())
                && account.equals(e.path("account").asText())) return e;
        }
        throw new AssertionError("no " + kind + " entry on " + account + " of purchase " + purchaseId + " in " + ledger);
    }

    private static List<String> codes(JsonNode scheme) {
        return java.util.stream.StreamSupport.stream(scheme.path("tiers").spliterator(), false)
            .map(t -> t.path("code").asText()).toList();
    }

    private boolean audited(String action) {
        for (JsonNode line : expect(200, get("/api/v1/audit?limit=100", admin())).body()) {
            if (line.path("action").asText().equals(action)) return true;
        }
        return false;
    }

    /** A new operator of the branch, logged in. */
    private String operator(String branch) {
        String user = "op-" + newPhone();
        expect(201, post("/api/v1/users", admin(), json("user", user, "password", "operator-password-1",
            "role", "operator", "branch", branch)));
        return login(user, "operator-password-1");
    }
}

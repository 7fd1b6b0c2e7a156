package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/** bashgah-credit over HTTP: the earning policy, branch and shared credit, the cap, expiry, points for acts. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditIT extends BashgahTestSupport {

    @Inject
    protected EventAdmin eventAdmin;

    /** Boots without bashgah-credit, so the tests install and remove it as an IT team would. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly("bashgah-core")};
    }

    @Before
    public void installCredit() throws Exception {
        // -r: no bundle refresh, which would also refresh (and so break) this test's own probe bundle
        if (!features.isInstalled(features.getFeature("bashgah-credit"))) shell("feature:install -r bashgah-credit");
        awaitStatus(200, "/api/v1/credit/policy", admin());
        awaitHealthy();
    }

    private Answer buy(String key, String phone, String branch, long amount, Object redeem) {
        return post("/api/v1/purchases", admin(), json("idempotencyKey", key, "member", phone, "branch", branch,
            "amount", amount, "redeem", redeem == null ? json() : redeem));
    }

    private JsonNode balances(String memberId) {
        return expect(200, get("/api/v1/members/" + memberId + "/balances", admin())).body();
    }

    private void setPolicy(Object policy) {
        expect(200, call("PUT", "/api/v1/credit/policy", admin(), policy));
    }

    @Test
    public void aShoeShopsTenPercentIsSharedCreditSpentAtAnyBranch() {
        setPolicy(json("creditPercent", 10, "creditTo", "SHARED", "amountPerPoint", 1000, "maxRedeemPercent", 50,
            "creditExpiryDays", 0));
        String north = branch("shoes-north");
        String south = branch("shoes-south");
        String phone = newPhone();
        String id = member(phone, north);

        Answer first = expect(201, buy("shoe-" + phone, phone, north, 200000, null));
        assertEquals(20000, first.number("earned.sharedCredit"));
        assertEquals(200, first.number("earned.points"));

        // shared credit pays at the other branch, within the cap, and earns on what the member pays
        Answer second = expect(201, buy("shoe2-" + phone, phone, south, 100000, json("sharedCredit", 20000)));
        assertEquals(80000, second.number("payable"));
        assertEquals(8000, second.number("earned.sharedCredit"));
        assertEquals(8000, balances(id).path("sharedCredit").asLong());

        // the cap: credit pays at most half of an invoice
        expect(201, buy("shoe3-" + phone, phone, south, 100000, null));
        Answer capped = expect(422, buy("shoe4-" + phone, phone, south, 30000, json("sharedCredit", 16000)));
        assertEquals("redeem", capped.body().path("errors").get(0).path("field").asText());
        assertEquals(18000, balances(id).path("sharedCredit").asLong());
    }

    @Test
    public void branchCreditIsSpendableOnlyWhereItWasEarned() {
        String salon = branch("salon-1");
        String other = branch("salon-2");
        expect(200, call("PUT", "/api/v1/credit/policy/branches/" + salon, admin(),
            json("creditPercent", 10, "creditTo", "BRANCH", "maxRedeemPercent", 100)));
        String phone = newPhone();
        String id = member(phone, salon);

        Answer earned = expect(201, buy("salon-" + phone, phone, salon, 100000, null));
        assertEquals(10000, earned.number("earned.branchCredit"));
        assertEquals(10000, balances(id).path("branchCredit").path(salon).asLong());

        Answer refused = expect(422, buy("elsewhere-" + phone, phone, other, 50000, json("branchCredit", 5000)));
        assertEquals("redeem.branchCredit", refused.body().path("errors").get(0).path("field").asText());
        assertEquals(10000, balances(id).path("branchCredit").path(salon).asLong());
        assertEquals(1, expect(200, get("/api/v1/members/" + id + "/stats", admin())).number("visits"));

        expect(201, buy("here-" + phone, phone, salon, 50000, json("branchCredit", 5000)));
        assertEquals(5000 + 4500, balances(id).path("branchCredit").path(salon).asLong());

        // removing the override brings the chain's policy back at that branch
        expect(204, call("DELETE", "/api/v1/credit/policy/branches/" + salon, admin(), null));
        expect(404, get("/api/v1/credit/policy/branches/" + salon, admin()));
    }

    @Test
    public void creditExpiresOnItsDateByAnEntryNeverByADelete() {
        String branch = branch("expiry-1");
        expect(200, call("PUT", "/api/v1/credit/policy/branches/" + branch, admin(),
            json("creditPercent", 10, "creditTo", "SHARED", "creditExpiryDays", 30, "amountPerPoint", 0)));
        String phone = newPhone();
        String id = member(phone, branch);
        OffsetDateTime bought = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.MILLIS);
        expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", "exp-" + phone, "member", phone,
            "branch", branch, "amount", 50000, "at", bought.toString())));
        JsonNode expiring = expect(200, get("/api/v1/members/" + id + "/expiring", admin())).body();
        assertEquals(1, expiring.size());
        assertEquals(5000, expiring.get(0).path("amount").asLong());
        assertEquals(bought.plusDays(30).toInstant(), java.time.Instant.parse(expiring.get(0).path("expiresAt").asText()));

        long sharedBefore = balances(id).path("sharedCredit").asLong();
        expect(200, post("/api/v1/credit/expiry/run", admin(), json("asOf", bought.plusDays(29).toString())));
        assertEquals(sharedBefore, balances(id).path("sharedCredit").asLong());

        Answer run = expect(200, post("/api/v1/credit/expiry/run", admin(), json("asOf", bought.plusDays(31).toString())));
        assertTrue(run.raw(), run.number("lots") >= 1);
        assertEquals(sharedBefore - 5000, balances(id).path("sharedCredit").asLong());
        JsonNode newest = expect(200, get("/api/v1/members/" + id + "/ledger?limit=1", admin())).body().get(0);
        assertEquals("EXPIRE", newest.path("kind").asText());
        assertEquals(-5000, newest.path("amount").asLong());
        // a second run for the same moment expires nothing more
        expect(200, post("/api/v1/credit/expiry/run", admin(), json("asOf", bought.plusDays(31).toString())));
        assertEquals(sharedBefore - 5000, balances(id).path("sharedCredit").asLong());
        assertEquals(0, expect(200, get("/api/v1/members/" + id + "/expiring", admin())).body().size());
        expect(403, post("/api/v1/credit/expiry/run", operator(branch), json()));
    }

    @Test
    public void aRedemptionSpendsTheEarliestExpiringLotsEvenBeyondTheFirstFew() throws Exception {
        String branch = branch("lots-1");
        expect(200, call("PUT", "/api/v1/credit/policy/branches/" + branch, admin(), json("creditPercent", 10,
            "creditTo", "SHARED", "creditExpiryDays", 30, "maxRedeemPercent", 100, "amountPerPoint", 0)));
        String phone = newPhone();
        String id = member(phone, branch);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        // twelve visits a day apart, oldest first: twelve lots of 1,000, each expiring a day after the one before
        for (int day = 12; day >= 1; day--) {
            expect(201, post("/api/v1/purchases", admin(), json("idempotencyKey", "lots-" + phone + "-" + day,
                "member", phone, "branch", branch, "amount", 10000, "at", now.minusDays(day).toString())));
        }
        assertEquals(12, expect(200, get("/api/v1/members/" + id + "/expiring", admin())).body().size());

        // 10,500 takes more lots than a spending reads at first (8): ten whole ones and half of the eleventh
        expect(201, buy("lots-spend-" + phone, phone, branch, 20000, json("sharedCredit", 10500)));
        JsonNode expiring = expect(200, get("/api/v1/members/" + id + "/expiring", admin())).body();
        assertEquals(500, expiring.get(0).path("amount").asLong());
        assertEquals(now.minusDays(2).plusDays(30).toInstant(), Instant.parse(expiring.get(0).path("expiresAt").asText()));
        assertEquals(1000, expiring.get(1).path("amount").asLong());
        assertEquals(now.minusDays(1).plusDays(30).toInstant(), Instant.parse(expiring.get(1).path("expiresAt").asText()));
        long open = 0;
        for (JsonNode lot : expiring) open += lot.path("amount").asLong();
        assertEquals(balances(id).path("sharedCredit").asLong(), open);
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    @Test
    public void joiningReferringReviewingEarnPointsOnce() {
        setPolicy(json("signupPoints", 100, "referralPoints", 500, "reviewPoints", 50, "socialPoints", 20,
            "amountPerPoint", 0));
        String branch = branch("refer-1");
        String referrerPhone = newPhone();
        String referrer = member(referrerPhone, branch);
        awaitPoints(referrer, 100);

        String friendPhone = newPhone();
        String friend = expect(201, post("/api/v1/members", admin(), json("phone", friendPhone, "branch", branch,
            "referrerPhone", referrerPhone))).text("id");
        awaitPoints(friend, 100);
        assertEquals(100, points(referrer));

        expect(201, buy("first-" + friendPhone, friendPhone, branch, 10000, null));
        awaitPoints(referrer, 600);
        expect(201, buy("second-" + friendPhone, friendPhone, branch, 10000, null));
        expect(201, post("/api/v1/members/" + referrer + "/engagements", admin(), json("kind", "REVIEW", "ref", "r-1")));
        expect(200, post("/api/v1/members/" + referrer + "/engagements", admin(), json("kind", "REVIEW", "ref", "r-1")));
        expect(201, post("/api/v1/members/" + referrer + "/engagements", admin(), json("kind", "SOCIAL", "ref", "r-1")));
        expect(400, post("/api/v1/members/" + referrer + "/engagements", admin(), json("kind", "LIKE", "ref", "r-2")));
        expect(404, post("/api/v1/members/00000000-0000-0000-0000-000000000000/engagements", admin(),
            json("kind", "REVIEW", "ref", "r-3")));
        // the referral was paid once, for the first purchase only
        awaitPoints(referrer, 600 + 50 + 20);
    }

    @Test
    public void aCompletedSurveyPaysItsPointsOnceHoweverOftenTheEventArrives() {
        setPolicy(json("surveyPoints", 30, "signupPoints", 0));
        String branch = branch("survey-1");
        String phone = newPhone();
        String id = member(phone, branch);
        String organisation = expect(200, get("/api/v1/organisations", admin())).body().get(0).path("id").asText();
        // what bashgah-surveys posts when an operator records a completed happy call
        Map<String, Object> properties = Map.of(Events.ORGANISATION, organisation, Events.MEMBER, id,
            Events.BRANCH, branch, Events.REF, "answer-" + phone);
        for (int i = 0; i < 3; i++) eventAdmin.postEvent(new Event(Events.SURVEY_COMPLETED, properties));
        awaitPoints(id, 30);
        eventAdmin.sendEvent(new Event(Events.SURVEY_COMPLETED, properties));
        assertEquals(30, points(id));
    }

    @Test
    public void aPolicyChangeIsAuditedCheckedAndNeverRewritesThePast() {
        setPolicy(json("creditPercent", 10, "creditTo", "SHARED", "amountPerPoint", 0, "creditExpiryDays", 0));
        String branch = branch("audit-1");
        String phone = newPhone();
        String id = member(phone, branch);
        expect(201, buy("before-" + phone, phone, branch, 100000, null));
        setPolicy(json("creditPercent", 20.5));
        Answer after = expect(201, buy("after-" + phone, phone, branch, 100000, null));
        assertEquals(20500, after.number("earned.sharedCredit"));
        // the shared-credit entries, newest first (signup points land whenever their event is handled)
        List<Long> credit = new java.util.ArrayList<>();
        for (JsonNode e : expect(200, get("/api/v1/members/" + id + "/ledger", admin())).body()) {
            if (e.path("account").asText().equals("SHARED_CREDIT")) credit.add(e.path("amount").asLong());
        }
        assertEquals(List.of(20500L, 10000L), credit);

        Answer bad = expect(400, call("PUT", "/api/v1/credit/policy", admin(),
            json("creditPercent", 150, "creditTo", "EVERYWHERE", "creditExpiryDays", -1)));
        assertEquals(3, bad.body().path("errors").size());
        expect(403, call("PUT", "/api/v1/credit/policy", operator(branch), json("creditPercent", 50)));
        assertEquals(20.5, expect(200, get("/api/v1/credit/policy", admin())).body().path("creditPercent").asDouble(), 0);

        JsonNode audit = expect(200, get("/api/v1/audit?limit=20", admin())).body();
        boolean found = false;
        for (JsonNode line : audit) found |= line.path("action").asText().equals("credit.policy.update");
        assertTrue(audit.toString(), found);
        JsonNode doc = expect(200, get("/api/openapi.json", null)).body();
        assertTrue("credit's resources are in the OpenAPI document", doc.path("paths").has("/api/v1/credit/policy"));
    }

    @Test
    public void uninstallingCreditStopsEarningAndKeepsEveryBalance() throws Exception {
        setPolicy(json("creditPercent", 10, "creditTo", "SHARED", "amountPerPoint", 0, "creditExpiryDays", 0));
        String branch = branch("remove-1");
        String phone = newPhone();
        String id = member(phone, branch);
        expect(201, buy("with-" + phone, phone, branch, 100000, null));
        long shared = balances(id).path("sharedCredit").asLong();

        shell("feature:uninstall -r bashgah-credit");
        awaitStatus(404, "/api/v1/credit/policy", admin());
        awaitHealthy();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
            .until(() -> buy("without-" + phone + System.nanoTime(), phone, branch, 100000, null)
                .number("earned.sharedCredit") == 0);
        assertEquals(shared, balances(id).path("sharedCredit").asLong());
        assertTrue(expect(200, get("/api/openapi.json", null)).body().path("paths").path("/api/v1/credit/policy")
            .isMissingNode());

        shell("feature:install -r bashgah-credit");
        awaitStatus(200, "/api/v1/credit/policy", admin());
        awaitHealthy();
        assertEquals(10, expect(200, get("/api/v1/credit/policy", admin())).body().path("creditPercent").asLong());
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
            .until(() -> buy("again-" + phone + System.nanoTime(), phone, branch, 100000, null)
                .number("earned.sharedCredit") == 10000);
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    private long points(String memberId) {
        return balances(memberId).path("points").asLong();
    }

    private void awaitPoints(String memberId, long points) {
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> points(memberId) == points);
    }

    /** A new operator of the branch, logged in. */
    private String operator(String branch) {
        String user = "op-" + newPhone();
        expect(201, post("/api/v1/users", admin(), json("user", user, "password", "operator-password-1",
            "role", "operator", "branch", branch)));
        return login(user, "operator-password-1");
    }

}

package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/**
 * bashgah-offers over HTTP, with the chains' own examples. The credit policy is 10% shared credit and no points;
 * each example runs on branches of its own (the offer names them), so the offers do not meet each other's
 * purchases, and its audience names a branch visited, so a targeting run reaches only that example's members.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OffersIT extends BashgahTestSupport {

    @Inject
    protected EventAdmin eventAdmin;

    /** Boots without bashgah-offers, so the tests install and remove it as an IT team would. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly("bashgah-core", "bashgah-credit")};
    }

    @Before
    public void installOffers() throws Exception {
        if (!features.isInstalled(features.getFeature("bashgah-offers"))) shell("feature:install -r bashgah-offers");
        awaitStatus(200, "/api/v1/offers", admin());
        awaitHealthy();
        expect(200, call("PUT", "/api/v1/credit/policy", admin(), json("creditPercent", 10, "creditTo", "SHARED",
            "amountPerPoint", 0, "creditExpiryDays", 0, "maxRedeemPercent", 50)));
        expect(200, call("PUT", "/api/v1/offers/margins", admin(), json("defaultPercent", 40, "groups",
            json("colour", 60))));
    }

    private static String at(int daysAgo) {
        return OffsetDateTime.now(ZoneOffset.ofHoursMinutes(3, 30)).minusDays(daysAgo).withNano(0).toString();
    }

    private Answer buy(String phone, String branch, long amount, String at, Object lines) {
        Map<String, Object> body = json("idempotencyKey", "offers-" + phone + "-" + System.nanoTime(), "member", phone,
            "branch", branch, "amount", amount);
        if (at != null) body.put("at", at);
        if (lines != null) body.put("lines", lines);
        return expect(201, post("/api/v1/purchases", admin(), body));
    }

    private static Object line(String group, long amount) {
        return json("productGroup", group, "amount", amount);
    }

    /** Creates an offer and activates it (accepting a loss: these tests are about the rules, not the margins). */
    private String activeOffer(Map<String, Object> definition) {
        String id = expect(201, post("/api/v1/offers", admin(), definition)).text("id");
        expect(200, post("/api/v1/offers/" + id + "/activate", admin(), json("acceptLoss", true)));
        return id;
    }

    private static boolean applied(Answer purchase, String offerId) {
        for (JsonNode o : purchase.body().path("appliedOffers")) if (o.path("id").asText().equals(offerId)) return true;
        return false;
    }

    private static Map<String, Object> visited(String branch) {
        return json("visited", List.of(branch));
    }

    private static Map<String, Object> metric(String metric, String op, long value) {
        return json("metric", metric, "op", op, "value", value);
    }

    /** Runs a targeting run to its end and returns it. */
    private JsonNode target(String offerId, Map<String, Object> body) {
        String run = expect(202, post("/api/v1/offers/" + offerId + "/targeting-runs", admin(), body)).text("id");
        return await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(
            () -> expect(200, get("/api/v1/offers/targeting-runs/" + run, admin())).body(),
            r -> !r.path("status").asText().equals("RUNNING"));
    }

    @Test
    public void aShoeShopGivesTwentyPercentCreditInsteadOfTenOnPurchasesOver600000() {
        String shop = branch("offer-shoes");
        String id = activeOffer(json("name", "20% credit over 600k", "kind", "PERMANENT", "branches", List.of(shop),
            "trigger", json("amountOver", 600000), "reward", json("extraCreditPercent", 10)));
        String phone = newPhone();
        member(phone, shop);

        Answer big = buy(phone, shop, 700000, null, null);
        assertEquals(140000, big.number("earned.sharedCredit"));
        assertTrue(big.raw(), applied(big, id));
        Answer exactly = buy(phone, shop, 600000, null, null);
        assertEquals("600,000 is not over 600,000", 60000, exactly.number("earned.sharedCredit"));
        assertFalse(applied(exactly, id));

        // another branch of the chain is not part of the offer
        String other = branch("offer-shoes-other");
        assertEquals(70000, buy(phone, other, 700000, null, null).number("earned.sharedCredit"));
    }

    @Test
    public void membersWithMoreThanTenVisitsEarnTenPercentMoreCredit() {
        String b = branch("offer-loyal");
        String id = activeOffer(json("name", "10% more after 10 visits", "kind", "PERMANENT", "branches", List.of(b),
            "audience", metric("visits", "gt", 10), "reward", json("extraCreditPercent", 10)));
        String phone = newPhone();
        member(phone, b);
        for (int i = 0; i < 10; i++) assertFalse(applied(buy(phone, b, 100000, at(30 - i), null), id));
        Answer eleventh = buy(phone, b, 100000, at(5), null);
        assertFalse("the 11th visit: 10 visits before it, not more than 10", applied(eleventh, id));
        assertEquals(10000, eleventh.number("earned.sharedCredit"));
        Answer twelfth = buy(phone, b, 100000, null, null);
        assertTrue(applied(twelfth, id));
        assertEquals(20000, twelfth.number("earned.sharedCredit"));
    }

    @Test
    public void overFiveMillionInAllGivesFivePercentOffAndFivePercentMoreCredit() {
        String b = branch("offer-vip");
        String id = activeOffer(json("name", "VIP 5+5", "kind", "PERMANENT", "branches", List.of(b),
            "audience", metric("totalSpend", "gt", 5_000_000), "reward",
            json("discountPercent", 5, "extraCreditPercent", 5)));
        String phone = newPhone();
        String memberId = member(phone, b);
        assertFalse(applied(buy(phone, b, 5_000_000, at(20), null), id));
        assertFalse("5,000,000 in all is not more than 5,000,000", applied(buy(phone, b, 1_000_000, at(10), null), id));

        Answer vip = buy(phone, b, 1_000_000, null, null);
        assertTrue(applied(vip, id));
        assertEquals(50000, vip.number("discount"));
        assertEquals(950000, vip.number("payable"));
        // the policy's 10% of the invoice, and 5% of what is left after the offer's discount
        assertEquals(100000 + 47500, vip.number("earned.sharedCredit"));
        JsonNode ledger = expect(200, get("/api/v1/members/" + memberId + "/ledger", admin())).body();
        long bonus = 0;
        for (JsonNode e : ledger) if (id.equals(e.path("offerId").asText()) && e.path("kind").asText().equals("BONUS")) {
            bonus += e.path("amount").asLong();
        }
        assertEquals(47500, bonus);
    }

    @Test
    public void frequentSmallSpendersGetTenPercentMoreOnTheirNextPurchaseOver300000Once() {
        String b = branch("offer-nudge");
        String id = activeOffer(json("name", "Spend more, earn more", "kind", "ONE_TIME",
            "audience", json("all", List.of(visited(b), metric("visits", "gt", 5), metric("averageSpend", "lt", 200000))),
            "trigger", json("amountOver", 300000, "withinDays", 14), "reward", json("extraCreditPercent", 10)));
        String small = newPhone();
        String big = newPhone();
        String few = newPhone();
        String smallId = member(small, b);
        member(big, b);
        member(few, b);
        for (int i = 0; i < 6; i++) {
            buy(small, b, 100000, at(40 - i), null);
            buy(big, b, 300000, at(40 - i), null);
        }
        for (int i = 0; i < 3; i++) buy(few, b, 100000, at(40 - i), null);

        assertFalse("not before the targeting run", applied(buy(big, b, 10, at(1), null), id));
        JsonNode run = target(id, json());
        assertEquals(run.toString(), "DONE", run.path("status").asText());
        assertEquals(run.toString(), 1, run.path("targeted").asLong());
        JsonNode waiting = expect(200, get("/api/v1/offers/members/" + smallId, admin())).body().path("waiting");
        assertEquals(waiting.toString(), 1, waiting.size());

        Answer under = buy(small, b, 300000, null, null);
        assertFalse("300,000 is not over 300,000; the offer waits", applied(under, id));
        Answer next = buy(small, b, 400000, null, null);
        assertTrue(applied(next, id));
        assertEquals(40000 + 40000, next.number("earned.sharedCredit"));
        assertFalse("spent once", applied(buy(small, b, 400000, null, null), id));
        assertFalse("not in the audience", applied(buy(big, b, 400000, null, null), id));
        assertFalse(applied(buy(few, b, 400000, null, null), id));
        assertEquals(0, expect(200, get("/api/v1/offers/members/" + smallId, admin())).body().path("waiting").size());
    }

    @Test
    public void aPermanentOfferForNailClientsOfTheSalonLooksAtTheirCountersAsTheyWereBeforeThePurchase() {
        String salon = branch("offer-nail-club");
        String id = activeOffer(json("name", "Nail club", "kind", "PERMANENT", "branches", List.of(salon),
            "audience", json("all", List.of(visited(salon), json("bought", List.of("nail")))),
            "reward", json("extraCreditPercent", 10)));
        String nails = newPhone();
        String colour = newPhone();
        member(nails, salon);
        member(colour, salon);
        assertFalse("the first visit: no counters yet", applied(buy(nails, salon, 150000, null,
            List.of(line("nail", 150000))), id));
        assertTrue("nail bought once before", applied(buy(nails, salon, 100000, null,
            List.of(line("colour", 100000))), id));
        assertFalse(applied(buy(colour, salon, 100000, null, List.of(line("colour", 100000))), id));
        assertFalse("visited, but never bought nail", applied(buy(colour, salon, 100000, null,
            List.of(line("colour", 100000))), id));
    }

    @Test
    public void nailClientsWhoNeverHadColourGetTwentyPercentOffColourWithin30Days() {
        String salon = branch("offer-salon");
        String id = activeOffer(json("name", "Try colour", "kind", "ONE_TIME",
            "audience", json("all", List.of(visited(salon), json("bought", List.of("nail")),
                json("neverBought", List.of("colour")))),
            "trigger", json("productGroups", List.of("colour"), "withinDays", 30),
            "reward", json("discountPercent", 20)));
        String nailOnly = newPhone();
        String both = newPhone();
        member(nailOnly, salon);
        member(both, salon);
        buy(nailOnly, salon, 150000, at(20), List.of(line("nail", 150000)));
        buy(both, salon, 650000, at(20), List.of(line("nail", 150000), line("colour", 500000)));
        assertEquals(1, target(id, json()).path("targeted").asLong());

        Answer nails = buy(nailOnly, salon, 150000, null, List.of(line("nail", 150000)));
        assertFalse("no colour in it: the offer waits", applied(nails, id));
        Answer colour = buy(nailOnly, salon, 600000, null, List.of(line("colour", 500000), line("nail", 100000)));
        assertTrue(applied(colour, id));
        assertEquals("20% of the colour line only", 100000, colour.number("discount"));
        assertEquals(500000, colour.number("payable"));
        Answer other = buy(both, salon, 500000, null, List.of(line("colour", 500000)));
        assertEquals(0, other.number("discount"));
    }

    @Test
    public void lapsedRegularsGet35PercentMoreCreditIfTheyComeWithinSevenDays() throws Exception {
        String b = branch("offer-winback");
        String id = activeOffer(json("name", "We miss you", "kind", "ONE_TIME",
            "audience", json("all", List.of(visited(b), metric("visits", "gt", 4),
                metric("daysSinceLastVisit", "gte", 90))),
            "trigger", json("withinDays", 7), "reward", json("extraCreditPercent", 35)));
        String lapsed = newPhone();
        String late = newPhone();
        String recent = newPhone();
        member(lapsed, b);
        member(late, b);
        member(recent, b);
        for (int i = 0; i < 5; i++) {
            buy(lapsed, b, 100000, at(130 - i), null);
            buy(late, b, 100000, at(130 - i), null);
            buy(recent, b, 100000, at(30 - i), null);
        }
        // a run ten days ago reached the late member too: that grant lapsed three days ago
        assertEquals(2, target(id, json("asOf", at(10))).path("targeted").asLong());
        assertFalse("the grant of ten days ago has lapsed", applied(buy(late, b, 200000, null, null), id));
        // today's run, from the shell: the lapsed member's first grant has lapsed too, so they get a new one (late
        // came back)
        String ran = shell("bashgah:offers-target " + id);
        assertTrue(ran, ran.contains("DONE") && ran.contains(" 1 targeted, 0 held out"));
        Answer back = buy(lapsed, b, 200000, null, null);
        assertTrue(applied(back, id));
        assertEquals(20000 + 70000, back.number("earned.sharedCredit"));
        assertFalse(applied(buy(recent, b, 200000, null, null), id));
    }

    @Test
    public void aTargetingRunHoldsOutAControlGroupAndMeasuresItsSpend() {
        String b = branch("offer-control");
        String id = activeOffer(json("name", "Come back", "kind", "ONE_TIME", "audience", visited(b),
            "trigger", json("withinDays", 30), "reward", json("fixedCredit", 5000),
            "targeting", json("controlPercent", 50)));
        List<String> phones = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String phone = newPhone();
            phones.add(phone);
            ids.add(member(phone, b));
            buy(phone, b, 50000, at(60), null);
        }
        JsonNode run = target(id, json());
        assertEquals(run.toString(), 20, run.path("targeted").asLong() + run.path("control").asLong());
        assertTrue(run.toString(), run.path("targeted").asLong() > 0 && run.path("control").asLong() > 0);

        int targeted = 0;
        for (int i = 0; i < 20; i++) {
            boolean waiting = expect(200, get("/api/v1/offers/members/" + ids.get(i), admin())).body()
                .path("waiting").size() == 1;
            Answer p = buy(phones.get(i), b, waiting ? 200000 : 100000, null, null);
            assertEquals("held-out members get nothing", waiting, applied(p, id));
            if (waiting) targeted++;
        }
        JsonNode perf = expect(200, get("/api/v1/offers/" + id + "/performance", admin())).body();
        JsonNode oneTime = perf.path("oneTime");
        assertEquals(perf.toString(), targeted, oneTime.path("granted").asLong());
        assertEquals(20 - targeted, oneTime.path("heldOut").asLong());
        assertEquals(targeted, oneTime.path("spent").asLong());
        assertEquals(0, oneTime.path("uptakePercent").decimalValue().compareTo(java.math.BigDecimal.valueOf(100)));
        assertEquals(200000, oneTime.path("targeted").path("spendPerMember").asLong());
        assertEquals(100000, oneTime.path("control").path("spendPerMember").asLong());
        assertEquals(0, oneTime.path("spendLiftPercent").decimalValue().compareTo(java.math.BigDecimal.valueOf(100)));
        assertEquals(targeted, perf.path("purchases").asLong());
        assertEquals(5000L * targeted, perf.path("cost").asLong());
    }

    @Test
    public void aMoneyLosingOfferIsSimulatedWithAWarningAndNotActivatedUnlessAccepted() {
        String b = branch("offer-sim");
        String phone = newPhone();
        member(phone, b);
        for (int i = 0; i < 3; i++) buy(phone, b, 100000, at(10 + i), List.of(line("shoes", 100000)));
        String id = expect(201, post("/api/v1/offers", admin(), json("name", "Too generous", "kind", "PERMANENT",
            "branches", List.of(b), "reward", json("extraCreditPercent", 45)))).text("id");

        JsonNode sim = expect(200, post("/api/v1/offers/" + id + "/simulate", admin(), json("days", 30))).body();
        assertEquals(sim.toString(), 3, sim.path("qualifyingPurchases").asLong());
        assertEquals(300000, sim.path("revenue").asLong());
        assertEquals(135000, sim.path("rewardCost").asLong());
        assertEquals("40% default margin", 120000, sim.path("margin").asLong());
        assertEquals(-15000, sim.path("marginAfter").asLong());
        assertTrue(sim.path("losesMoney").asBoolean());
        assertTrue(sim.toString(), sim.path("warnings").get(0).asText().contains("loses money"));
        assertEquals("shoes", sim.path("byProductGroup").get(0).path("productGroup").asText());

        Answer refused = expect(422, post("/api/v1/offers/" + id + "/activate", admin(), json("days", 30)));
        assertTrue(refused.raw(), refused.raw().contains("loses money"));
        assertEquals("DRAFT", expect(200, get("/api/v1/offers/" + id, admin())).text("status"));
        assertFalse(applied(buy(phone, b, 100000, null, List.of(line("shoes", 100000))), id));

        // a margin of 60% on shoes makes it pay: it activates and applies
        expect(200, call("PUT", "/api/v1/offers/margins", admin(), json("defaultPercent", 40, "groups",
            json("colour", 60, "shoes", 60))));
        JsonNode activated = expect(200, post("/api/v1/offers/" + id + "/activate", admin(), json("days", 30))).body();
        assertFalse(activated.toString(), activated.path("simulation").path("losesMoney").asBoolean());
        assertEquals("ACTIVE", activated.path("offer").path("status").asText());
        assertTrue(applied(buy(phone, b, 100000, null, List.of(line("shoes", 100000))), id));
    }

    @Test
    public void limitsPerMemberAndBudgetAreNeverPassed() {
        String b = branch("offer-limits");
        String once = activeOffer(json("name", "First two", "kind", "PERMANENT", "branches", List.of(b),
            "reward", json("bonusPoints", 10), "limits", json("perMember", 2)));
        String budget = activeOffer(json("name", "Small budget", "kind", "PERMANENT", "branches", List.of(b),
            "reward", json("fixedCredit", 4000), "limits", json("budget", 10000)));
        String phone = newPhone();
        member(phone, b);
        int onceUses = 0;
        int budgetUses = 0;
        for (int i = 0; i < 4; i++) {
            Answer p = buy(phone, b, 10000, null, null);
            if (applied(p, once)) onceUses++;
            if (applied(p, budget)) budgetUses++;
        }
        assertEquals(2, onceUses);
        assertEquals("4,000 a time within 10,000", 2, budgetUses);
        JsonNode perf = expect(200, get("/api/v1/offers/" + budget + "/performance", admin())).body();
        assertEquals(8000, perf.path("cost").asLong());
        assertTrue("a permanent offer has no one-time part", perf.path("oneTime").isNull()
            || perf.path("oneTime").isMissingNode());
    }

    @Test
    public void eightMembersRacingForABudgetOfTwoRewardsGetExactlyTwo() throws Exception {
        String b = branch("offer-race");
        String id = activeOffer(json("name", "First come", "kind", "PERMANENT", "branches", List.of(b),
            "reward", json("fixedCredit", 4000), "limits", json("budget", 8000)));
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            phones.add(newPhone());
            member(phones.get(i), b);
        }
        admin();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
            for (String phone : phones) answers.add(pool.submit(() -> {
                start.await();
                return buy(phone, b, 100000, null, null);
            }));
            start.countDown();
            int rewarded = 0;
            for (var answer : answers) if (applied(answer.get(60, TimeUnit.SECONDS), id)) rewarded++;
            assertEquals(2, rewarded);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8000, expect(200, get("/api/v1/offers/" + id + "/performance", admin())).number("cost"));
        assertTrue(shell("bashgah:offers-list").contains("First come"));
        JsonNode verify = expect(200, get("/api/v1/ledger/verify", admin())).body();
        assertEquals(verify.toString(), 0, verify.path("problems").size());
    }

    @Test
    public void anotherCapabilityMayAskForAGrantOncePerRef() {
        String b = branch("offer-apology");
        String id = activeOffer(json("name", "Sorry", "kind", "ONE_TIME", "audience", visited("nowhere-at-all"),
            "trigger", json("withinDays", 30), "reward", json("fixedCredit", 20000)));
        String phone = newPhone();
        String memberId = member(phone, b);
        String orgId = organisationId();
        for (int i = 0; i < 2; i++) {
            eventAdmin.sendEvent(new Event(Events.OFFER_GRANT_REQUESTED, Map.of(Events.ORGANISATION, orgId,
                Events.MEMBER, memberId, Events.OFFER, id, Events.REF, "survey-answer-1")));
        }
        JsonNode waiting = expect(200, get("/api/v1/offers/members/" + memberId, admin())).body().path("waiting");
        assertEquals(waiting.toString(), 1, waiting.size());
        Answer p = buy(phone, b, 100000, null, null);
        assertTrue(applied(p, id));
        assertEquals(10000 + 20000, p.number("earned.sharedCredit"));
    }

    @Test
    public void membersTaggedVipGetTheirOffer() {
        String b = branch("offer-vip-tag");
        String id = activeOffer(json("name", "VIP evening", "kind", "PERMANENT", "branches", List.of(b),
            "audience", json("taggedAny", List.of("vip")), "reward", json("fixedCredit", 1000)));
        String vip = newPhone();
        String plain = newPhone();
        String vipId = member(vip, b);
        member(plain, b);
        Answer bad = expect(400, call("PATCH", "/api/v1/members/" + vipId, admin(), json("tags", List.of("v i p"))));
        assertTrue(bad.raw(), bad.raw().contains("tags[0]"));
        JsonNode tagged = expect(200, call("PATCH", "/api/v1/members/" + vipId, admin(),
            json("tags", List.of("vip", "staff", "vip")))).body();
        assertEquals(tagged.toString(), "[\"staff\",\"vip\"]", tagged.path("tags").toString());
        assertTrue(applied(buy(vip, b, 100000, null, null), id));
        assertFalse(applied(buy(plain, b, 100000, null, null), id));
        expect(200, call("PATCH", "/api/v1/members/" + vipId, admin(), json("tags", List.of())));
        assertFalse("tags removed", applied(buy(vip, b, 100000, null, null), id));
    }

    @Test
    public void membersOfASavedSegmentOfTheReportsGetTheOfferAimedAtIt() throws Exception {
        String b = branch("offer-segment");
        String big = newPhone();
        String small = newPhone();
        member(big, b);
        member(small, b);
        buy(big, b, 900000, null, null);
        buy(small, b, 100000, null, null);

        // booted without bashgah-reports: an audience cannot name a segment, and nothing is made
        int before = expect(200, get("/api/v1/offers", admin())).body().size();
        Answer absent = expect(422, post("/api/v1/offers", admin(), json("name", "Big spenders", "kind", "PERMANENT",
            "branches", List.of(b), "audience", json("inSegment", "any-segment"), "reward", json("fixedCredit", 1000))));
        assertEquals("audience.inSegment", absent.body().path("errors").get(0).path("field").asText());
        assertTrue(absent.raw(), absent.raw().contains("bashgah-reports"));
        assertEquals(before, expect(200, get("/api/v1/offers", admin())).body().size());

        // reports installed on the running server; the refresh a plain feature:install does wires the offers'
        // optional import (-r keeps this test's probe bundle from being refreshed with it)
        shell("feature:install -r bashgah-reports");
        long offersBundle = java.util.Arrays.stream(bundleContext.getBundles())
            .filter(x -> "bashgah-offers".equals(x.getSymbolicName())).findFirst().orElseThrow().getBundleId();
        shell("bundle:refresh " + offersBundle);
        awaitHealthy();
        awaitStatus(200, "/api/v1/reports/segments", admin());
        awaitStatus(200, "/api/v1/offers", admin());

        // the branch's members who spent 500,000 or more: the big spender alone
        JsonNode segment = expect(201, post("/api/v1/reports/segments", admin(), json("name", "Big spenders " + b,
            "report", "clv", "parameters", json("branch", b, "min", "500000")))).body();
        assertEquals(1, segment.path("members").asLong());
        Answer unknown = expect(422, post("/api/v1/offers", admin(), json("name", "Nobody", "kind", "PERMANENT",
            "audience", json("all", List.of(visited(b), json("inSegment", "no-such-segment"))),
            "reward", json("fixedCredit", 1000))));
        assertEquals("audience.all[1].inSegment", unknown.body().path("errors").get(0).path("field").asText());
        String id = activeOffer(json("name", "Big spenders", "kind", "PERMANENT", "branches", List.of(b),
            "audience", json("inSegment", segment.path("id").asText()), "reward", json("fixedCredit", 1000)));

        // a segment keeps the members it had when saved: the small spender stays out however much they spend now
        assertFalse(applied(buy(small, b, 1000000, null, null), id));
        assertTrue(applied(buy(big, b, 50000, null, null), id));
        assertFalse(applied(buy(small, b, 50000, null, null), id));
    }

    @Test
    public void badOffersAreRefusedNamingTheFieldAndNothingIsCreated() {
        int before = expect(200, get("/api/v1/offers", admin())).body().size();
        Answer bad = expect(400, post("/api/v1/offers", admin(), json("name", "<b>x</b>", "kind", "SOMETIMES",
            "audience", json("metric", "shoeSize", "op", "gt", "value", 3), "reward", json("discountPercent", 150))));
        String raw = bad.raw();
        for (String field : new String[] {"name", "kind", "audience.metric", "reward.discountPercent"}) {
            assertTrue(field + " in " + raw, raw.contains("\"" + field + "\""));
        }
        expect(400, post("/api/v1/offers", admin(), json("name", "No deadline", "kind", "ONE_TIME",
            "reward", json("fixedCredit", 1))));
        expect(400, post("/api/v1/offers", admin(), json("name", "Two at once", "kind", "PERMANENT",
            "audience", json("metric", "visits", "op", "gt", "value", 1, "tierIn", List.of("GOLD")),
            "reward", json("fixedCredit", 1))));
        assertEquals(before, expect(200, get("/api/v1/offers", admin())).body().size());
        String operator = branch("offer-bad");
        expect(201, post("/api/v1/users", admin(), json("user", "offers-op", "password", "offers-op-password-1",
            "role", "operator", "branch", operator)));
        expect(403, post("/api/v1/offers", login("offers-op", "offers-op-password-1"), json("name", "Mine",
            "kind", "PERMANENT", "reward", json("fixedCredit", 1))));
    }

    @Test
    public void uninstallingOffersStopsThemAndKeepsEveryBalanceAndOffer() throws Exception {
        String b = branch("offer-remove");
        String id = activeOffer(json("name", "Double", "kind", "PERMANENT", "branches", List.of(b),
            "reward", json("extraCreditPercent", 10)));
        String phone = newPhone();
        String memberId = member(phone, b);
        assertEquals(20000, buy(phone, b, 100000, null, null).number("earned.sharedCredit"));

        shell("feature:uninstall -r bashgah-offers");
        awaitStatus(404, "/api/v1/offers", admin());
        awaitHealthy();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
            .until(() -> buy(phone, b, 100000, null, null).number("earned.sharedCredit") == 10000);
        long shared = expect(200, get("/api/v1/members/" + memberId + "/balances", admin())).number("sharedCredit");
        assertTrue(shared >= 30000);

        shell("feature:install -r bashgah-offers");
        awaitStatus(200, "/api/v1/offers", admin());
        awaitHealthy();
        assertEquals("ACTIVE", expect(200, get("/api/v1/offers/" + id, admin())).text("status"));
        assertEquals(shared, expect(200, get("/api/v1/members/" + memberId + "/balances", admin())).number("sharedCredit"));
        assertEquals(20000, buy(phone, b, 100000, null, null).number("earned.sharedCredit"));
    }

    private String organisationId() {
        JsonNode orgs = expect(200, get("/api/v1/organisations", admin())).body();
        return orgs.get(0).path("id").asText();
    }
}

package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * bashgah-partners over HTTP (issue 6), with two (or three) organisations on one server: a salon and a cosmetics
 * shop. The salon's members get 10% partner credit when they buy at the cosmetics shop, spendable at the salon;
 * the cosmetics shop's members get 15% off the salon's colour line. Each test makes its own organisations. The
 * remote partner is reached over HTTP on this same server (a signed request to itself); a second Karaf is not
 * started here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartnersIT extends BashgahTestSupport {
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /**
     * Boots with core only and installs credit and partners from the shell, so the tests can remove partners
     * (booting with bashgah-credit as well left this class's probe without its test services on this branch).
     */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {bootOnly("bashgah-core")};
    }

    @Before
    public void installPartners() throws Exception {
        // -r: no bundle refresh, which would also refresh (and so break) this test's own probe bundle
        if (!features.isInstalled(features.getFeature("bashgah-credit"))) shell("feature:install -r bashgah-credit");
        if (!features.isInstalled(features.getFeature("bashgah-partners"))) shell("feature:install -r bashgah-partners");
        awaitStatus(200, "/api/v1/partners/agreements", admin());
        awaitHealthy();
    }

    /** An organisation of its own for a test: its code, its chain admin's token and one branch. */
    private record Org(String code, String token, String branch) {
    }

    private Org organisation(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        expect(201, post("/api/v1/organisations", admin(), json("code", code, "name", "Shop " + code,
            "admin", json("user", code + "-admin", "password", "partners-password-1"))));
        String token = login(code + "-admin", "partners-password-1");
        expect(201, post("/api/v1/branches", token, json("code", code + "-1", "name", "Main " + code)));
        // no cashback of its own, so every credit in these tests is partner credit
        expect(200, call("PUT", "/api/v1/credit/policy", token, json("creditPercent", 0, "amountPerPoint", 0,
            "signupPoints", 0)));
        return new Org(code, token, code + "-1");
    }

    private static String join(Org org, String phone) {
        return expect(201, post("/api/v1/members", org.token(), json("phone", phone, "name", "Member " + phone,
            "branch", org.branch()))).text("id");
    }

    private static JsonNode buy(Org org, String phone, long amount, Object lines) {
        return expect(201, post("/api/v1/purchases", org.token(), json("idempotencyKey", "p-" + UUID.randomUUID(),
            "member", phone, "branch", org.branch(), "amount", amount, "lines", lines,
            "at", Instant.now().minus(Duration.ofMinutes(1)).toString()))).body();
    }

    /** The salon/cosmetics agreement proposed by {@code salon}, approved by both. */
    private long salonAndCosmetics(Org salon, Org cosmetics) {
        JsonNode proposed = expect(201, post("/api/v1/partners/agreements", salon.token(), json(
            "partner", cosmetics.code(), "name", "Salon and cosmetics", "validFrom", TODAY.minusDays(1).toString(),
            "validTo", TODAY.plusMonths(6).toString(),
            "ours", json("discountPercent", 15, "discountProductGroup", "colour"),
            "theirs", json("creditPercent", 10, "monthlyCreditCap", 1_000_000)))).body();
        long id = proposed.path("id").asLong();
        assertEquals("PROPOSED", proposed.path("status").asText());
        expect(200, post("/api/v1/partners/agreements/" + id + "/approve", salon.token(), null));
        expect(200, post("/api/v1/partners/agreements/" + id + "/approve", cosmetics.token(), null));
        return id;
    }

    private static long partnerCredit(Org holder, String member, Org issuer) {
        return expect(200, get("/api/v1/partners/credit/" + member, holder.token())).body().path("partnerCredit")
            .path(issuer.code()).asLong();
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    public void salonMembersEarnTenPercentAtTheCosmeticsShopAndSpendItAtTheSalon() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        JsonNode proposed = expect(201, post("/api/v1/partners/agreements", salon.token(), json(
            "partner", cosmetics.code(), "name", "Salon and cosmetics", "validFrom", TODAY.minusDays(1).toString(),
            "ours", json("discountPercent", 15, "discountProductGroup", "colour"),
            "theirs", json("creditPercent", 10, "monthlyCreditCap", 1_000_000)))).body();
        long id = proposed.path("id").asLong();
        // the cosmetics shop sees the same agreement from its side: its terms are the 10% credit
        JsonNode seen = expect(200, get("/api/v1/partners/agreements/" + id, cosmetics.token())).body();
        assertEquals(salon.code(), seen.path("partner").asText());
        assertEquals(10, seen.path("ours").path("creditPercent").asInt());
        assertEquals(15, seen.path("theirs").path("discountPercent").asInt());
        assertFalse(seen.path("proposedByUs").asBoolean());
        // approved by each side: not in force until both did
        expect(200, post("/api/v1/partners/agreements/" + id + "/approve", salon.token(), null));
        assertEquals("PROPOSED", expect(200, get("/api/v1/partners/agreements/" + id, salon.token())).text("status"));
        JsonNode approved = expect(200, post("/api/v1/partners/agreements/" + id + "/approve", cosmetics.token(), null)).body();
        assertEquals("APPROVED", approved.path("status").asText());
        assertTrue(approved.path("inForce").asBoolean());

        // Sara is a member of both clubs; she consents at the salon to be recognised at the cosmetics shop
        String sara = newPhone();
        String saraAtSalon = join(salon, sara);
        String saraAtCosmetics = join(cosmetics, sara);
        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", salon.token(),
            json("member", saraAtSalon, "note", "signed the partner form at the till")));
        // Reza is a member of both too, but did not consent: he earns nothing
        String reza = newPhone();
        String rezaAtSalon = join(salon, reza);
        join(cosmetics, reza);

        buy(cosmetics, sara, 200_000, List.of(json("productGroup", "skin", "amount", 200_000)));
        buy(cosmetics, reza, 300_000, List.of(json("productGroup", "skin", "amount", 300_000)));
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, saraAtSalon, cosmetics) == 20_000);
        assertEquals(0, partnerCredit(salon, rezaAtSalon, cosmetics));
        JsonNode ledger = expect(200, get("/api/v1/members/" + saraAtSalon + "/ledger", salon.token())).body();
        assertEquals("PARTNER_CREDIT:" + cosmetics.code(), ledger.get(0).path("account").asText());
        assertEquals(20_000, ledger.get(0).path("amount").asLong());
        // the cosmetics member's own ledger holds none of it
        JsonNode cosmeticsLedger = expect(200, get("/api/v1/members/" + saraAtCosmetics + "/ledger", cosmetics.token())).body();
        for (JsonNode e : cosmeticsLedger) assertFalse(e.toString(), e.path("account").asText().startsWith("PARTNER_CREDIT"));

        // the other way: the cosmetics shop's members get 15% off the salon's colour line, with consent there
        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", cosmetics.token(),
            json("member", sara, "note", "asked at the counter")));
        JsonNode atSalon = buy(salon, sara, 150_000, List.of(json("productGroup", "colour", "amount", 100_000),
            json("productGroup", "haircut", "amount", 50_000)));
        assertEquals(15_000, atSalon.path("discount").asLong());
        assertEquals(135_000, atSalon.path("payable").asLong());
        JsonNode rezaAtTheSalon = buy(salon, reza, 100_000, List.of(json("productGroup", "colour", "amount", 100_000)));
        assertEquals(0, rezaAtTheSalon.path("discount").asLong());

        // Sara spends 5,000 of the cosmetics credit at the salon; a retry of the same request writes nothing more
        Map<String, Object> spend = json("idempotencyKey", "salon-till-1-" + id, "member", sara, "branch",
            salon.branch(), "issuer", cosmetics.code(), "amount", 5_000, "purchase", "salon-invoice-77");
        JsonNode spent = expect(201, post("/api/v1/partners/redemptions", salon.token(), spend)).body();
        assertEquals(15_000, spent.path("balance").asLong());
        assertEquals(5_000, spent.path("settlementLine").path("amount").asLong());
        JsonNode again = expect(200, post("/api/v1/partners/redemptions", salon.token(), spend)).body();
        assertEquals(spent.path("id").asLong(), again.path("id").asLong());
        assertEquals(15_000, partnerCredit(salon, saraAtSalon, cosmetics));
        // more than she holds: 422 on amount, nothing taken
        Answer tooMuch = expect(422, post("/api/v1/partners/redemptions", salon.token(), json("idempotencyKey",
            "salon-till-2-" + id, "member", sara, "branch", salon.branch(), "issuer", cosmetics.code(), "amount", 15_001)));
        assertTrue(tooMuch.raw(), tooMuch.raw().contains("amount"));
        assertEquals(15_000, partnerCredit(salon, saraAtSalon, cosmetics));
        // the same key for another request is a conflict
        spend.put("amount", 4_000);
        expect(409, post("/api/v1/partners/redemptions", salon.token(), spend));

        // statements: the salon is owed 5,000, the cosmetics shop owes it; together they are zero
        String period = "&from=" + TODAY + "&to=" + TODAY;
        JsonNode salonSide = expect(200, get("/api/v1/partners/statements?partner=" + cosmetics.code() + period,
            salon.token())).body();
        Answer cosmeticsAnswer = expect(200, get("/api/v1/partners/statements?partner=" + salon.code() + period,
            cosmetics.token()));
        JsonNode cosmeticsSide = cosmeticsAnswer.body();
        assertEquals(5_000, salonSide.path("net").asLong());
        assertEquals(-5_000, cosmeticsSide.path("net").asLong());
        assertEquals(0, salonSide.path("net").asLong() + cosmeticsSide.path("net").asLong());
        assertEquals(1, cosmeticsSide.path("lines").size());
        assertEquals("WE_OWE_PARTNER", cosmeticsSide.path("lines").get(0).path("direction").asText());
        assertEquals("salon-invoice-77", cosmeticsSide.path("lines").get(0).path("purchaseRef").asText());
        String memberRef = cosmeticsSide.path("lines").get(0).path("memberRef").asText();
        assertTrue(memberRef, memberRef.matches("m-[0-9a-f]{16}"));
        // the cosmetics shop learns neither the salon's member id nor the phone from it
        assertFalse(cosmeticsAnswer.raw().contains(saraAtSalon));
        assertFalse(cosmeticsAnswer.raw().contains(sara.substring(1)));

        // aggregated figures, the same from both sides
        JsonNode figures = expect(200, get("/api/v1/partners/agreements/" + id, salon.token())).body().path("figures");
        assertEquals(1, figures.path("ourConsentingMembers").asLong());
        assertEquals(1, figures.path("partnerConsentingMembers").asLong());
        assertEquals(20_000, figures.path("creditIssuedByPartner").asLong());
        assertEquals(5_000, figures.path("redeemedHere").asLong());
        JsonNode theirFigures = expect(200, get("/api/v1/partners/agreements/" + id, cosmetics.token())).body()
            .path("figures");
        assertEquals(20_000, theirFigures.path("creditIssuedByUs").asLong());
        assertEquals(5_000, theirFigures.path("redeemedAtPartner").asLong());

        // settlement: lines settle a few seconds after they are written; payments close it, over-paying is refused
        JsonNode settlement = await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1))
            .until(() -> post("/api/v1/partners/settlements", salon.token(), json("partner", cosmetics.code())),
                a -> a.status() == 201).body();
        long settlementId = settlement.path("id").asLong();
        assertEquals("PARTNER", settlement.path("payer").asText());
        assertEquals(5_000, settlement.path("amount").asLong());
        assertEquals("OPEN", settlement.path("status").asText());
        JsonNode theirs = expect(200, get("/api/v1/partners/settlements/" + settlementId, cosmetics.token())).body();
        assertEquals("US", theirs.path("payer").asText());
        JsonNode part = expect(201, post("/api/v1/partners/settlements/" + settlementId + "/payments", cosmetics.token(),
            json("amount", 3_000, "reference", "bank transfer 1"))).body();
        assertEquals(2_000, part.path("outstanding").asLong());
        assertEquals("OPEN", part.path("status").asText());
        expect(422, post("/api/v1/partners/settlements/" + settlementId + "/payments", cosmetics.token(),
            json("amount", 2_001, "reference", "bank transfer 2")));
        JsonNode closed = expect(201, post("/api/v1/partners/settlements/" + settlementId + "/payments", salon.token(),
            json("amount", 2_000, "reference", "bank transfer 2"))).body();
        assertEquals("CLOSED", closed.path("status").asText());
        assertEquals(2, closed.path("payments").size());
        // nothing left to settle; the settled line is in no second settlement
        expect(422, post("/api/v1/partners/settlements", cosmetics.token(), json("partner", salon.code())));

        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
        String agreements = shell("bashgah:partners-agreements --org " + salon.code());
        assertTrue(agreements, agreements.contains(cosmetics.code()) && agreements.contains("APPROVED"));
        String statement = shell("bashgah:partners-statement --org " + cosmetics.code() + " --partner " + salon.code());
        assertTrue(statement, statement.contains("net -5000"));
    }

    @Test
    public void aRefundAtTheCosmeticsShopTakesBackTheShareOfPartnerCreditTheMemberStillHolds() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        long id = salonAndCosmetics(salon, cosmetics);
        String phone = newPhone();
        String atSalon = join(salon, phone);
        join(cosmetics, phone);
        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", salon.token(),
            json("member", atSalon, "note", "consent form")));
        String purchase = buy(cosmetics, phone, 300_000, List.of(json("productGroup", "skin", "amount", 300_000)))
            .path("id").asText();
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, atSalon, cosmetics) == 30_000);

        // a third of the purchase comes back: a third of the 30,000, and a redelivered refund takes nothing more
        Map<String, Object> third = json("idempotencyKey", "r1-" + purchase, "lines",
            List.of(json("productGroup", "skin", "amount", 100_000)));
        expect(201, post("/api/v1/purchases/" + purchase + "/refund", cosmetics.token(), third));
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, atSalon, cosmetics) == 20_000);
        expect(200, post("/api/v1/purchases/" + purchase + "/refund", cosmetics.token(), third));
        JsonNode ledger = expect(200, get("/api/v1/members/" + atSalon + "/ledger", salon.token())).body();
        assertEquals("REVERSAL", ledger.get(0).path("kind").asText());
        assertEquals(-10_000, ledger.get(0).path("amount").asLong());
        assertEquals("PARTNER_CREDIT:" + cosmetics.code(), ledger.get(0).path("account").asText());

        // she spends 15,000 of it at the salon; the rest of the purchase comes back: 20,000 to take, 5,000 held
        expect(201, post("/api/v1/partners/redemptions", salon.token(), json("idempotencyKey", "spend-" + purchase,
            "member", phone, "branch", salon.branch(), "issuer", cosmetics.code(), "amount", 15_000)));
        expect(201, post("/api/v1/purchases/" + purchase + "/refund", cosmetics.token(),
            json("idempotencyKey", "r2-" + purchase)));
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, atSalon, cosmetics) == 0);
        // the spent 15,000 stays owed by the cosmetics shop; the agreement's figures count what was not taken back
        JsonNode figures = await().atMost(30, TimeUnit.SECONDS).until(() -> expect(200,
            get("/api/v1/partners/agreements/" + id, cosmetics.token())).body().path("figures"),
            f -> f.path("creditIssuedByUs").asLong() == 15_000);
        assertEquals(15_000, figures.path("redeemedAtPartner").asLong());
        Answer statement = expect(200, get("/api/v1/partners/statements?partner=" + salon.code() + "&from=" + TODAY
            + "&to=" + TODAY, cosmetics.token()));
        assertEquals(-15_000, statement.body().path("net").asLong());
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    @Test
    public void theSharedFundPaysSettlementsFromThePayersShare() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        long id = salonAndCosmetics(salon, cosmetics);
        expect(404, post("/api/v1/partners/funds", salon.token(), json("partner", organisation("stranger").code(),
            "name", "No agreement")));
        long fund = expect(201, post("/api/v1/partners/funds", salon.token(), json("partner", cosmetics.code(),
            "name", "Mall promotion fund"))).body().path("id").asLong();
        expect(409, post("/api/v1/partners/funds", cosmetics.token(), json("partner", salon.code(), "name", "Again")));
        expect(404, get("/api/v1/partners/funds/" + fund, organisation("outsider").token()));

        // the cosmetics shop deposits 12,000 up front; a retry of the same deposit writes nothing more
        Map<String, Object> deposit = json("idempotencyKey", "dep-1", "amount", 12_000, "reference", "bank transfer 7");
        expect(201, post("/api/v1/partners/funds/" + fund + "/deposits", cosmetics.token(), deposit));
        JsonNode replay = expect(200, post("/api/v1/partners/funds/" + fund + "/deposits", cosmetics.token(), deposit)).body();
        assertEquals(12_000, replay.path("ours").path("balance").asLong());
        deposit.put("amount", 1);
        expect(409, post("/api/v1/partners/funds/" + fund + "/deposits", cosmetics.token(), deposit));
        JsonNode salonView = expect(200, get("/api/v1/partners/funds/" + fund, salon.token())).body();
        assertEquals(12_000, salonView.path("theirs").path("deposited").asLong());
        assertEquals(0, salonView.path("ours").path("balance").asLong());
        // a side cannot take out what is not its share
        expect(422, post("/api/v1/partners/funds/" + fund + "/withdrawals", salon.token(),
            json("idempotencyKey", "w-1", "amount", 1, "reference", "not ours")));

        // Sara spends 8,000 of the cosmetics credit at the salon: the cosmetics shop owes the salon 8,000
        String sara = newPhone();
        String saraAtSalon = join(salon, sara);
        join(cosmetics, sara);
        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", salon.token(),
            json("member", saraAtSalon, "note", "consent form")));
        buy(cosmetics, sara, 100_000, List.of(json("productGroup", "skin", "amount", 100_000)));
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, saraAtSalon, cosmetics) == 10_000);
        expect(201, post("/api/v1/partners/redemptions", salon.token(), json("idempotencyKey", "fund-spend-" + id,
            "member", sara, "branch", salon.branch(), "issuer", cosmetics.code(), "amount", 8_000)));
        long settlement = await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1))
            .until(() -> post("/api/v1/partners/settlements", salon.token(), json("partner", cosmetics.code())),
                a -> a.status() == 201).body().path("id").asLong();

        // paid from the fund: from the cosmetics shop's share, whoever asks; the salon's empty share pays nothing
        expect(400, post("/api/v1/partners/settlements/" + settlement + "/payments", salon.token(),
            json("fromFund", true, "reference", "a reference of our own")));
        JsonNode paid = expect(201, post("/api/v1/partners/settlements/" + settlement + "/payments", salon.token(),
            json("fromFund", true))).body();
        assertEquals("CLOSED", paid.path("status").asText());
        assertTrue(paid.toString(), paid.path("payments").get(0).path("reference").asText().contains("Mall promotion fund"));
        expect(422, post("/api/v1/partners/settlements/" + settlement + "/payments", cosmetics.token(),
            json("fromFund", true)));
        JsonNode after = expect(200, get("/api/v1/partners/funds/" + fund, cosmetics.token())).body();
        assertEquals(8_000, after.path("ours").path("paidSettlements").asLong());
        assertEquals(4_000, after.path("ours").path("balance").asLong());
        assertEquals(4_000, after.path("balance").asLong());
        JsonNode last = after.path("entries").get(after.path("entries").size() - 1);
        assertEquals("SETTLEMENT", last.path("kind").asText());
        assertEquals(-8_000, last.path("amount").asLong());
        assertEquals(settlement, last.path("settlement").asLong());

        // the rest goes back to the cosmetics shop; then its share is empty
        expect(422, post("/api/v1/partners/funds/" + fund + "/withdrawals", cosmetics.token(),
            json("idempotencyKey", "w-2", "amount", 4_001, "reference", "too much")));
        JsonNode emptied = expect(201, post("/api/v1/partners/funds/" + fund + "/withdrawals", cosmetics.token(),
            json("idempotencyKey", "w-3", "amount", 4_000, "reference", "the rest back"))).body();
        assertEquals(0, emptied.path("ours").path("balance").asLong());
        assertEquals(4_000, emptied.path("ours").path("withdrawn").asLong());
        assertEquals(1, expect(200, get("/api/v1/partners/funds", salon.token())).body().size());
    }

    @Test
    public void pointsPooledByAnAgreementAreSpentAtThePartnerAndSettledAtTheirValue() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        // the cosmetics shop gives a point per 10,000; a point is worth 100 at the other side
        expect(200, call("PUT", "/api/v1/credit/policy", cosmetics.token(), json("creditPercent", 0,
            "amountPerPoint", 10_000, "signupPoints", 0)));
        long id = expect(201, post("/api/v1/partners/agreements", salon.token(), json("partner", cosmetics.code(),
            "name", "Pooled points", "validFrom", TODAY.minusDays(1).toString(), "ours", json(), "theirs", json(),
            "pointValue", 100))).body().path("id").asLong();
        expect(200, post("/api/v1/partners/agreements/" + id + "/approve", salon.token(), null));
        JsonNode approved = expect(200, post("/api/v1/partners/agreements/" + id + "/approve", cosmetics.token(), null))
            .body();
        assertEquals(100, approved.path("pointValue").asLong());

        String sara = newPhone();
        String saraAtSalon = join(salon, sara);
        String saraAtCosmetics = join(cosmetics, sara);
        buy(cosmetics, sara, 500_000, List.of(json("productGroup", "skin", "amount", 500_000)));
        await().atMost(30, TimeUnit.SECONDS).until(() -> expect(200, get("/api/v1/members/" + saraAtCosmetics
            + "/balances", cosmetics.token())).body().path("points").asLong() == 50);
        // without her consent at the cosmetics shop the salon neither sees nor spends her points there
        JsonNode before = expect(200, get("/api/v1/partners/credit/" + saraAtSalon, salon.token())).body().path("points");
        assertEquals(before.toString(), 0, before.path("total").asLong());
        assertTrue(before.toString(), before.path("partners").isEmpty());
        Map<String, Object> spend = json("idempotencyKey", "points-" + id, "member", sara, "branch", salon.branch(),
            "issuer", cosmetics.code(), "points", 30, "purchase", "salon-invoice-9");
        Answer refused = expect(422, post("/api/v1/partners/redemptions", salon.token(), spend));
        assertTrue(refused.raw(), refused.raw().contains("points"));

        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", cosmetics.token(),
            json("member", saraAtCosmetics, "note", "pools her points with the salon")));
        JsonNode pooled = expect(200, get("/api/v1/partners/credit/" + saraAtSalon, salon.token())).body().path("points");
        assertEquals(pooled.toString(), 50, pooled.path("partners").path(cosmetics.code()).asLong());
        assertEquals(pooled.toString(), 50, pooled.path("total").asLong());

        // 30 points spent at the salon: worth 3,000, taken from her points at the cosmetics shop, once
        JsonNode spent = expect(201, post("/api/v1/partners/redemptions", salon.token(), spend)).body();
        assertEquals(spent.toString(), 30, spent.path("points").asLong());
        assertEquals(3_000, spent.path("amount").asLong());
        assertEquals(20, spent.path("balance").asLong());
        assertEquals(3_000, spent.path("settlementLine").path("amount").asLong());
        expect(200, post("/api/v1/partners/redemptions", salon.token(), spend));
        expect(400, post("/api/v1/partners/redemptions", salon.token(), json("idempotencyKey", "both-" + id,
            "member", sara, "branch", salon.branch(), "issuer", cosmetics.code(), "points", 1, "amount", 100)));
        expect(422, post("/api/v1/partners/redemptions", salon.token(), json("idempotencyKey", "more-" + id,
            "member", sara, "branch", salon.branch(), "issuer", cosmetics.code(), "points", 21)));
        JsonNode atCosmetics = expect(200, get("/api/v1/members/" + saraAtCosmetics + "/balances", cosmetics.token()))
            .body();
        assertEquals(20, atCosmetics.path("points").asLong());
        JsonNode ledger = expect(200, get("/api/v1/members/" + saraAtCosmetics + "/ledger", cosmetics.token())).body();
        assertEquals("REDEEM", ledger.get(0).path("kind").asText());
        assertEquals("POINTS", ledger.get(0).path("account").asText());
        assertEquals(-30, ledger.get(0).path("amount").asLong());

        // the cosmetics shop owes the salon their value; the two statements balance to zero
        String period = "&from=" + TODAY + "&to=" + TODAY;
        long salonNet = expect(200, get("/api/v1/partners/statements?partner=" + cosmetics.code() + period,
            salon.token())).body().path("net").asLong();
        long cosmeticsNet = expect(200, get("/api/v1/partners/statements?partner=" + salon.code() + period,
            cosmetics.token())).body().path("net").asLong();
        assertEquals(3_000, salonNet);
        assertEquals(0, salonNet + cosmeticsNet);
        String verify = shell("bashgah:ledger-verify");
        assertTrue(verify, verify.contains("0 problems"));
    }

    @Test
    public void theMonthlyCapLimitsThePartnerCreditIssued() {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        long id = expect(201, post("/api/v1/partners/agreements", salon.token(), json(
            "partner", cosmetics.code(), "name", "Capped", "validFrom", TODAY.minusDays(1).toString(),
            "ours", json("creditPercent", 0), "theirs", json("creditPercent", 10, "maxCreditPerPurchase", 30_000,
                "monthlyCreditCap", 45_000)))).body().path("id").asLong();
        expect(200, post("/api/v1/partners/agreements/" + id + "/approve", salon.token(), null));
        expect(200, post("/api/v1/partners/agreements/" + id + "/approve", cosmetics.token(), null));
        String phone = newPhone();
        String atSalon = join(salon, phone);
        join(cosmetics, phone);
        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", salon.token(),
            json("member", atSalon, "note", "consent form")));
        // 10% of 500,000 is 50,000: capped at 30,000 a purchase, then the month's 45,000 leaves 15,000
        buy(cosmetics, phone, 500_000, List.of());
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, atSalon, cosmetics) == 30_000);
        buy(cosmetics, phone, 500_000, List.of());
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, atSalon, cosmetics) == 45_000);
        buy(cosmetics, phone, 500_000, List.of());
        JsonNode figures = await().atMost(30, TimeUnit.SECONDS).until(() -> expect(200,
            get("/api/v1/partners/agreements/" + id, salon.token())).body().path("figures"),
            f -> f.path("issuesByPartner").asLong() == 2);
        assertEquals(45_000, figures.path("creditIssuedByPartner").asLong());
        assertEquals(45_000, partnerCredit(salon, atSalon, cosmetics));
    }

    @Test
    public void aConsentEnrolsTheMemberAtThePartnerOnlyWhereTheAgreementAllowsIt() {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        long plain = salonAndCosmetics(salon, cosmetics);
        long enrolling = expect(201, post("/api/v1/partners/agreements", salon.token(), json(
            "partner", cosmetics.code(), "name", "Salon and cosmetics, one club card", "validFrom",
            TODAY.minusDays(1).toString(), "ours", json("creditPercent", 0), "theirs", json("creditPercent", 10),
            "autoEnrol", true))).body().path("id").asLong();
        String phone = newPhone();
        String atSalon = join(salon, phone);
        // the agreement without automatic enrolment refuses to enrol, and nothing is made at the partner
        Answer refused = expect(422, post("/api/v1/partners/agreements/" + plain + "/consents", salon.token(),
            json("member", atSalon, "note", "wants both cards", "enrolAtPartner", true)));
        assertTrue(refused.raw(), refused.raw().contains("enrolAtPartner"));
        // the enrolling one is not in force until the cosmetics shop approved it too
        expect(200, post("/api/v1/partners/agreements/" + enrolling + "/approve", salon.token(), null));
        expect(422, post("/api/v1/partners/agreements/" + enrolling + "/consents", salon.token(),
            json("member", atSalon, "note", "wants both cards", "enrolAtPartner", true)));
        assertEquals(0, expect(200, get("/api/v1/members?phone=" + phone, cosmetics.token())).body().size());

        JsonNode approved = expect(200, post("/api/v1/partners/agreements/" + enrolling + "/approve", cosmetics.token(),
            null)).body();
        assertTrue(approved.path("autoEnrol").asBoolean());
        JsonNode consent = expect(201, post("/api/v1/partners/agreements/" + enrolling + "/consents", salon.token(),
            json("member", atSalon, "note", "signed for both cards", "enrolAtPartner", true))).body();
        assertTrue(consent.path("enrolAtPartner").asBoolean());
        // the person is now a member of the cosmetics shop's club, joined with the salon's consent
        String atCosmetics = expect(200, get("/api/v1/members?phone=" + phone, cosmetics.token())).body().get(0)
            .path("id").asText();
        assertFalse(atCosmetics.isEmpty());
        assertFalse(atCosmetics.equals(atSalon));
        // and buying there earns partner credit at the salon
        buy(cosmetics, phone, 100_000, List.of());
        await().atMost(30, TimeUnit.SECONDS).until(() -> partnerCredit(salon, atSalon, cosmetics) == 10_000);
    }

    @Test
    public void aPartnerNeverSeesTheOthersMembersAndOutsidersSeeNothing() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        Org outsider = organisation("outsider");
        long id = salonAndCosmetics(salon, cosmetics);
        String phone = newPhone();
        String atSalon = join(salon, phone);
        expect(201, post("/api/v1/partners/agreements/" + id + "/consents", salon.token(),
            json("member", atSalon, "note", "consent form")));

        // an organisation that is not a side of the agreement: it does not exist
        expect(404, get("/api/v1/partners/agreements/" + id, outsider.token()));
        expect(404, post("/api/v1/partners/agreements/" + id + "/approve", outsider.token(), null));
        expect(404, post("/api/v1/partners/agreements/" + id + "/end", outsider.token(), null));
        expect(404, get("/api/v1/partners/agreements/" + id + "/consents", outsider.token()));
        assertEquals(0, expect(200, get("/api/v1/partners/agreements", outsider.token())).body().size());
        expect(404, get("/api/v1/partners/statements?partner=" + salon.code() + "&from=" + TODAY + "&to=" + TODAY,
            outsider.token()));

        // the partner: the salon's member, by id or phone, is no member of its own
        expect(404, get("/api/v1/members/" + atSalon, cosmetics.token()));
        expect(404, get("/api/v1/partners/credit/" + atSalon, cosmetics.token()));
        expect(404, get("/api/v1/partners/credit/" + phone, cosmetics.token()));
        expect(404, post("/api/v1/partners/agreements/" + id + "/consents", cosmetics.token(),
            json("member", atSalon, "note", "trying the partner's member")));
        expect(404, post("/api/v1/partners/redemptions", cosmetics.token(), json("idempotencyKey", "steal-" + id,
            "member", atSalon, "branch", cosmetics.branch(), "issuer", salon.code(), "amount", 1)));
        // it lists only its own consents, and the agreement shows counts, not members
        assertEquals(0, expect(200, get("/api/v1/partners/agreements/" + id + "/consents", cosmetics.token())).body()
            .size());
        Answer agreement = expect(200, get("/api/v1/partners/agreements/" + id, cosmetics.token()));
        assertEquals(1, agreement.body().path("figures").path("partnerConsentingMembers").asLong());
        assertFalse(agreement.raw().contains(atSalon));
        assertFalse(agreement.raw().contains(phone.substring(1)));
        // the salon's own list holds its member
        assertEquals(atSalon, expect(200, get("/api/v1/partners/agreements/" + id + "/consents", salon.token())).body()
            .get(0).path("member").asText());

        // staff bound to a branch may not read or change agreements; only chain admins propose and approve
        expect(201, post("/api/v1/users", salon.token(), json("user", salon.code() + "-op", "password",
            "operator-password-1", "role", "operator", "branch", salon.branch())));
        String operator = login(salon.code() + "-op", "operator-password-1");
        expect(403, get("/api/v1/partners/agreements", operator));
        expect(403, post("/api/v1/partners/agreements/" + id + "/approve", operator, null));
        expect(403, post("/api/v1/partners/agreements", operator, json("partner", cosmetics.code(), "name", "X",
            "validFrom", TODAY.toString(), "ours", json("creditPercent", 1), "theirs", json("creditPercent", 1))));
        // the operator records consent, but only at its own branch's till for redemptions
        expect(403, post("/api/v1/partners/redemptions", operator, json("idempotencyKey", "other-branch-" + id,
            "member", atSalon, "branch", "another-branch", "issuer", cosmetics.code(), "amount", 1)));

        // bad input: 400 naming the field, nothing made
        Answer bad = expect(400, post("/api/v1/partners/agreements", salon.token(), json("partner", cosmetics.code(),
            "name", "Bad", "validFrom", TODAY.toString(), "validTo", TODAY.minusDays(3).toString(),
            "ours", json("creditPercent", 150), "theirs", json("discountPercent", -1))));
        assertTrue(bad.raw(), bad.raw().contains("ours.creditPercent") && bad.raw().contains("theirs.discountPercent")
            && bad.raw().contains("validTo"));
        expect(422, post("/api/v1/partners/agreements", salon.token(), json("partner", salon.code(), "name", "Self",
            "validFrom", TODAY.toString(), "ours", json("creditPercent", 1), "theirs", json("creditPercent", 1))));
        assertEquals(1, expect(200, get("/api/v1/partners/agreements", salon.token())).body().size());
    }

    @Test
    public void tamperedStaleAndReplayedSignedRequestsAreRefused() throws Exception {
        Org salon = organisation("salon");
        String keyId = "key-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "a-shared-secret-of-more-than-32-characters-" + ThreadLocalRandom.current().nextInt();
        JsonNode remote = expect(201, post("/api/v1/partners/remotes", salon.token(), json("code", "mall-server",
            "name", "The mall's server", "url", BASE, "keyId", keyId, "secret", secret))).body();
        assertTrue(remote.path("secret").isMissingNode());
        expect(409, post("/api/v1/partners/remotes", salon.token(), json("code", "mall-server-2",
            "name", "Same key", "url", BASE, "keyId", keyId, "secret", secret)));
        // a remote may not take the code of an organisation of this server, which requests would name instead
        expect(409, post("/api/v1/partners/remotes", salon.token(), json("code", salon.code(),
            "name", "Our own code", "url", BASE, "keyId", keyId + "-2", "secret", secret)));

        String body = "{\"type\":\"ping\"}";
        long now = Instant.now().getEpochSecond();
        String nonce = "n" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> first = signed(keyId, secret, now, nonce, body, body);
        assertEquals(first.body(), 200, first.statusCode());
        assertTrue(first.body(), first.body().contains("\"from\":\"mall-server\""));
        // the same request again
        HttpResponse<String> replay = signed(keyId, secret, now, nonce, body, body);
        assertProblem(401, "replayed", replay);
        // signed for one body, sent with another
        HttpResponse<String> tampered = signed(keyId, secret, now, nonce + "x", body,
            "{\"type\":\"settlement-line\",\"amount\":1000000}");
        assertProblem(401, "signature", tampered);
        // an hour old, properly signed
        assertProblem(401, "stale", signed(keyId, secret, now - 3600, nonce + "y", body, body));
        // another secret, an unknown key, no signature at all
        assertProblem(401, "signature", signed(keyId, secret + "!", now, nonce + "z", body, body));
        assertProblem(401, "unknown key", signed("no-such-key", secret, now, nonce + "w", body, body));
        HttpResponse<String> unsigned = RAW.send(HttpRequest.newBuilder(URI.create(BASE + "/partner-link/v1/messages"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertProblem(401, "not signed", unsigned);

        // our own server signs as well: a ping to the "remote" (this server) is taken
        JsonNode ping = expect(200, post("/api/v1/partners/remotes/mall-server/ping", salon.token(), null)).body();
        assertEquals(ping.toString(), 200, ping.path("status").asInt());
        JsonNode messages = expect(200, get("/api/v1/partners/remotes/mall-server/messages", salon.token())).body();
        assertEquals(messages.toString(), 2, messages.size());
        expect(404, get("/api/v1/partners/remotes/mall-server/messages", organisation("other").token()));
        // pings go straight out; the outbox (agreements, consents, credit, lines) has nothing for this remote
        assertEquals(0, expect(200, get("/api/v1/partners/remotes/mall-server/outbox", salon.token())).body().size());
        String outbox = shell("bashgah:partners-outbox");
        assertTrue(outbox, outbox.contains(salon.code()) && outbox.contains("mall-server"));
    }

    @Test
    public void theJointLotteryIsDrawnFromItsCommittedSeedAndCanBeRepeated() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        salonAndCosmetics(salon, cosmetics);
        Instant ends = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        JsonNode lottery = expect(201, post("/api/v1/partners/lotteries", salon.token(), json("name", "Spring draw",
            "partners", List.of(cosmetics.code()), "startsAt", Instant.now().minus(Duration.ofHours(1)).toString(),
            "endsAt", ends.toString(), "amountPerTicket", 100_000, "winners", 2))).body();
        long id = lottery.path("id").asLong();
        String commitment = lottery.path("commitment").asText();
        assertTrue(lottery.path("seed").isNull());
        assertEquals(64, commitment.length());
        expect(422, get("/api/v1/partners/lotteries/" + id + "/tickets", salon.token()));
        expect(422, post("/api/v1/partners/lotteries/" + id + "/draw", salon.token(), null));
        expect(404, get("/api/v1/partners/lotteries/" + id, organisation("outsider").token()));

        // 3 + 1 tickets at the salon, 5 at the cosmetics shop; 50,000 earns none
        String a1 = newPhone();
        String a2 = newPhone();
        String b1 = newPhone();
        String b2 = newPhone();
        join(salon, a1);
        join(salon, a2);
        join(cosmetics, b1);
        join(cosmetics, b2);
        buy(salon, a1, 300_000, List.of());
        buy(salon, a2, 100_000, List.of());
        buy(cosmetics, b1, 500_000, List.of());
        buy(cosmetics, b2, 50_000, List.of());
        // refunds before the draw take back what the refunded share paid for: 400,000 less 250,000 keeps 1 of 4
        // tickets; a purchase refunded whole leaves the draw
        String b3 = newPhone();
        String a3 = newPhone();
        join(cosmetics, b3);
        join(salon, a3);
        String partlyRefunded = buy(cosmetics, b3, 400_000, List.of(json("productGroup", "skin", "amount", 400_000)))
            .path("id").asText();
        String refunded = buy(salon, a3, 200_000, List.of()).path("id").asText();
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            JsonNode t = expect(200, get("/api/v1/partners/lotteries/" + id, cosmetics.token())).body().path("tickets");
            return t.path(salon.code()).asLong() == 6 && t.path(cosmetics.code()).asLong() == 9;
        });
        expect(201, post("/api/v1/purchases/" + partlyRefunded + "/refund", cosmetics.token(), json("idempotencyKey",
            "lr-" + partlyRefunded, "lines", List.of(json("productGroup", "skin", "amount", 250_000)))));
        expect(201, post("/api/v1/purchases/" + refunded + "/refund", salon.token(), json("idempotencyKey",
            "lr-" + refunded)));
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            JsonNode t = expect(200, get("/api/v1/partners/lotteries/" + id, cosmetics.token())).body().path("tickets");
            return t.path(salon.code()).asLong() == 4 && t.path(cosmetics.code()).asLong() == 6;
        });

        await().atMost(60, TimeUnit.SECONDS).until(() -> Instant.now().isAfter(ends.plusSeconds(1)));
        expect(403, post("/api/v1/partners/lotteries/" + id + "/draw", cosmetics.token(), null));
        JsonNode drawn = expect(200, post("/api/v1/partners/lotteries/" + id + "/draw", salon.token(), null)).body();
        assertEquals("DRAWN", drawn.path("status").asText());
        String seed = drawn.path("seed").asText();
        assertEquals("the published seed is the one committed to", commitment,
            HexFormat.of().formatHex(sha256(HexFormat.of().parseHex(seed))));
        expect(409, post("/api/v1/partners/lotteries/" + id + "/draw", salon.token(), null));

        // anyone can repeat the draw from the seed and the published ticket list (docs/partners.md)
        JsonNode tickets = expect(200, get("/api/v1/partners/lotteries/" + id + "/tickets", cosmetics.token())).body();
        assertEquals(tickets.toString(), 4, tickets.size());
        List<String> refs = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (JsonNode t : tickets) {
            refs.add(t.path("memberRef").asText());
            counts.add(t.path("tickets").asLong());
        }
        assertEquals(tickets.toString(), List.of(1L, 1L, 3L, 5L), counts.stream().sorted().toList());
        List<String> expected = repeatDraw(seed, refs, counts, 2);
        JsonNode winners = drawn.path("drawn");
        assertEquals(2, winners.size());
        assertEquals(expected.get(0), winners.get(0).path("memberRef").asText());
        assertEquals(expected.get(1), winners.get(1).path("memberRef").asText());
        // each side sees its own winners' member ids, the other's only as references
        JsonNode fromCosmetics = expect(200, get("/api/v1/partners/lotteries/" + id, cosmetics.token())).body().path("drawn");
        for (JsonNode w : fromCosmetics) {
            boolean own = w.path("organisation").asText().equals(cosmetics.code());
            assertEquals(w.toString(), own, !w.path("member").isNull());
        }
    }

    @Test
    public void uninstallingPartnersKeepsItsDataAndTheTillGoesOn() throws Exception {
        Org salon = organisation("salon");
        Org cosmetics = organisation("cosmetics");
        long id = salonAndCosmetics(salon, cosmetics);
        String phone = newPhone();
        join(cosmetics, phone);

        shell("feature:uninstall -r bashgah-partners");
        awaitStatus(404, "/api/v1/partners/agreements", salon.token());
        awaitHealthy();
        assertTrue(expect(200, get("/api/openapi.json", null)).body().path("paths")
            .path("/api/v1/partners/agreements").isMissingNode());
        buy(cosmetics, phone, 100_000, List.of());

        shell("feature:install -r bashgah-partners");
        awaitStatus(200, "/api/v1/partners/agreements/" + id, salon.token());
        awaitHealthy();
        assertEquals("APPROVED", expect(200, get("/api/v1/partners/agreements/" + id, cosmetics.token())).text("status"));
        assertTrue(expect(200, get("/api/openapi.json", null)).body().path("paths").has("/api/v1/partners/redemptions"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Sends {@code sent} signed as the protocol says (docs/partners.md), but over {@code signedBody}. */
    private static HttpResponse<String> signed(String keyId, String secret, long timestamp, String nonce,
                                               String signedBody, String sent) throws Exception {
        String path = "/partner-link/v1/messages";
        String canonical = "POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
            + HexFormat.of().formatHex(sha256(signedBody.getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        return RAW.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
            .header("X-Bashgah-Key", keyId).header("X-Bashgah-Timestamp", String.valueOf(timestamp))
            .header("X-Bashgah-Nonce", nonce).header("X-Bashgah-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(sent)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(int status, String detail, HttpResponse<String> answer) throws Exception {
        assertEquals(answer.body(), status, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse(""),
            answer.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.path("status").asInt());
        assertTrue(answer.body(), problem.path("detail").asText().contains(detail));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /** The draw as docs/partners.md describes it, written again here so the test checks the document too. */
    private static List<String> repeatDraw(String seedHex, List<String> refs, List<Long> counts, int places)
            throws Exception {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        byte[] seed = HexFormat.of().parseHex(seedHex);
        List<String> won = new ArrayList<>();
        for (int place = 0; place < places; place++) {
            for (int attempt = 0; ; attempt++) {
                byte[] suffix = (":" + place + ":" + attempt).getBytes(StandardCharsets.UTF_8);
                byte[] input = new byte[seed.length + suffix.length];
                System.arraycopy(seed, 0, input, 0, seed.length);
                System.arraycopy(suffix, 0, input, seed.length, suffix.length);
                long position = new BigInteger(1, sha256(input)).mod(BigInteger.valueOf(total)).longValue();
                String ref = null;
                long start = 0;
                for (int i = 0; i < refs.size() && ref == null; i++) {
                    if (position < start + counts.get(i)) ref = refs.get(i);
                    start += counts.get(i);
                }
                assertNotNull(ref);
                if (!won.contains(ref)) {
                    won.add(ref);
                    break;
                }
            }
        }
        return won;
    }
}

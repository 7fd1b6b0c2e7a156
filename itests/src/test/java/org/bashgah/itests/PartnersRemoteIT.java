package org.bashgah.itests;

import static org.bashgah.itests.RunningDistribution.expect;
import static org.bashgah.itests.RunningDistribution.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.After;
import org.junit.Test;

/**
 * Issue 6, a remote partner: two Bashgah servers, each an unpacked distribution started by this test (no Pax Exam),
 * register each other with one key id and shared secret and exchange signed requests over HTTP. A request taken
 * off the wire and sent again, or changed on the way, is refused by the other server. Ports of their own (HTTP
 * 18681/18781, SSH 18601/18701, RMI 11699/45045 and 11799/45145, each plus -Dbashgah.itest.portOffset).
 */
public class PartnersRemoteIT {
    private static final String PASSWORD = "partners-remote-Pa55word";
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<RunningDistribution> servers = new ArrayList<>();

    @After
    public void stopEveryServer() throws Exception {
        RunningDistribution.stopAll(servers);
    }

    @Test
    public void twoServersExchangeSignedRequestsAndRefuseReplayedOrTamperedOnes() throws Exception {
        RunningDistribution salon = unpack("salon", 18681, 18601, 11699, 45045);
        RunningDistribution mall = unpack("mall", 18781, 18701, 11799, 45145);
        salon.start(Map.of("BASHGAH_ADMIN_PASSWORD", PASSWORD));
        mall.start(Map.of("BASHGAH_ADMIN_PASSWORD", PASSWORD));
        String salonToken = salon.awaitLogin("admin", PASSWORD);
        String mallToken = mall.awaitLogin("admin", PASSWORD);

        // agreed out of band: one key id and secret, each side registers the other
        String keyId = "salon-mall-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "shared-secret-" + UUID.randomUUID() + UUID.randomUUID();
        expect(201, salon.post("/api/v1/partners/remotes", salonToken, json("code", "mall", "name", "The mall",
            "url", mall.base, "keyId", keyId, "secret", secret)));
        expect(201, mall.post("/api/v1/partners/remotes", mallToken, json("code", "salon", "name", "The salon",
            "url", salon.base, "keyId", keyId, "secret", secret)));

        // each pings the other: signed by one server, checked by the other
        JsonNode toMall = expect(200, salon.post("/api/v1/partners/remotes/mall/ping", salonToken, null)).body();
        assertEquals(toMall.toString(), 200, toMall.path("status").asInt());
        assertTrue(toMall.toString(), toMall.path("answer").asText().contains("\"from\":\"salon\""));
        JsonNode toSalon = expect(200, mall.post("/api/v1/partners/remotes/salon/ping", mallToken, null)).body();
        assertEquals(toSalon.toString(), 200, toSalon.path("status").asInt());
        JsonNode received = expect(200, mall.get("/api/v1/partners/remotes/salon/messages", mallToken)).body();
        assertEquals(received.toString(), 1, received.size());
        assertEquals("ping", received.get(0).path("kind").asText());

        // a request as the salon's server sends it, taken off the wire: the mall takes it once
        long now = Instant.now().getEpochSecond();
        String nonce = "wire" + UUID.randomUUID().toString().replace("-", "");
        String body = "{\"type\":\"ping\",\"amount\":5000,\"memberRef\":\"m-0123456789abcdef\"}";
        assertEquals(200, send(mall, keyId, secret, now, nonce, body, body).statusCode());
        HttpResponse<String> replayed = send(mall, keyId, secret, now, nonce, body, body);
        assertEquals(replayed.body(), 401, replayed.statusCode());
        assertTrue(replayed.body(), replayed.body().contains("replayed"));
        // changed on the way: the amount
        HttpResponse<String> tampered = send(mall, keyId, secret, now, nonce + "2", body, body.replace("5000", "500000"));
        assertEquals(tampered.body(), 401, tampered.statusCode());
        assertTrue(tampered.body(), tampered.body().contains("signature"));
        // an old request, properly signed
        HttpResponse<String> stale = send(mall, keyId, secret, now - 3600, nonce + "3", body, body);
        assertEquals(stale.body(), 401, stale.statusCode());
        assertTrue(stale.body(), stale.body().contains("stale"));
        assertEquals(2, expect(200, mall.get("/api/v1/partners/remotes/salon/messages", mallToken)).body().size());

        theSalonAndTheMallShopExchangeCreditAcrossTheirServers(salon, salonToken, mall, mallToken);
    }

    /**
     * The salon/cosmetics example with the cosmetics shop on the mall's server: an agreement proposed on one server
     * and approved on each, a consent at the salon, a purchase at the mall earning salon credit, spent at the salon,
     * and the two servers' statements balancing to zero.
     */
    private void theSalonAndTheMallShopExchangeCreditAcrossTheirServers(RunningDistribution salon, String salonToken,
                                                                        RunningDistribution mall, String mallToken) {
        for (var side : List.of(Map.entry(salon, salonToken), Map.entry(mall, mallToken))) {
            expect(201, side.getKey().post("/api/v1/branches", side.getValue(), json("code", "main", "name", "Main")));
            // no cashback of their own: every credit here is partner credit
            expect(200, side.getKey().put("/api/v1/credit/policy", side.getValue(), json("creditPercent", 0,
                "amountPerPoint", 0, "signupPoints", 0)));
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        // the salon's members get 10% partner credit when they buy at the mall's shop
        long atSalon = expect(201, salon.post("/api/v1/partners/agreements", salonToken, json("partner", "mall",
            "name", "Salon and mall shop", "validFrom", today, "ours", json(), "theirs", json("creditPercent", 10))))
            .body().path("id").asLong();
        JsonNode proposed = await(() -> expect(200, mall.get("/api/v1/partners/agreements", mallToken)).body(),
            list -> list.size() == 1);
        long atMall = proposed.get(0).path("id").asLong();
        assertEquals(proposed.toString(), "salon", proposed.get(0).path("partner").asText());
        assertEquals(proposed.toString(), 10, proposed.get(0).path("ours").path("creditPercent").asInt());
        assertEquals("PROPOSED", proposed.get(0).path("status").asText());
        expect(200, salon.post("/api/v1/partners/agreements/" + atSalon + "/approve", salonToken, null));
        expect(200, mall.post("/api/v1/partners/agreements/" + atMall + "/approve", mallToken, null));
        await(() -> expect(200, salon.get("/api/v1/partners/agreements/" + atSalon, salonToken)).body(),
            a -> a.path("inForce").asBoolean());
        await(() -> expect(200, mall.get("/api/v1/partners/agreements/" + atMall, mallToken)).body(),
            a -> a.path("inForce").asBoolean());

        // Sara is a member of both; she consents at the salon; the mall's server learns only her phone's hash
        String phone = "0912" + String.format("%07d", new java.util.Random().nextInt(10_000_000));
        String sara = expect(201, salon.post("/api/v1/members", salonToken, json("phone", phone, "name", "Sara",
            "branch", "main"))).text("id");
        expect(201, mall.post("/api/v1/members", mallToken, json("phone", phone, "name", "Sara", "branch", "main")));
        expect(201, salon.post("/api/v1/partners/agreements/" + atSalon + "/consents", salonToken,
            json("member", sara, "note", "signed the partner form")));
        await(() -> expect(200, mall.get("/api/v1/partners/agreements/" + atMall, mallToken)).body(),
            a -> a.path("figures").path("partnerConsentingMembers").asLong() == 1);

        // she buys for 200,000 at the mall's shop: 20,000 of the mall's credit at the salon
        expect(201, mall.post("/api/v1/purchases", mallToken, json("idempotencyKey", "mall-" + phone, "member", phone,
            "branch", "main", "amount", 200_000)));
        await(() -> expect(200, salon.get("/api/v1/partners/credit/" + sara, salonToken)).body(),
            c -> c.path("partnerCredit").path("mall").asLong() == 20_000);

        // she spends 5,000 of it at the salon: the mall's shop owes the salon 5,000, on both servers
        JsonNode spent = expect(201, salon.post("/api/v1/partners/redemptions", salonToken, json("idempotencyKey",
            "salon-" + phone, "member", phone, "branch", "main", "issuer", "mall", "amount", 5_000,
            "purchase", "salon-invoice-1"))).body();
        assertEquals(15_000, spent.path("balance").asLong());
        String period = "&from=" + today + "&to=" + today;
        JsonNode mallSide = await(() -> expect(200, mall.get("/api/v1/partners/statements?partner=salon" + period,
            mallToken)).body(), st -> st.path("lines").size() == 1);
        JsonNode salonSide = expect(200, salon.get("/api/v1/partners/statements?partner=mall" + period, salonToken))
            .body();
        assertEquals(5_000, salonSide.path("net").asLong());
        assertEquals(-5_000, mallSide.path("net").asLong());
        assertEquals("WE_OWE_PARTNER", mallSide.path("lines").get(0).path("direction").asText());
        assertEquals(salonSide.path("lines").get(0).path("memberRef").asText(),
            mallSide.path("lines").get(0).path("memberRef").asText());
        assertTrue(mallSide.toString(), !mallSide.toString().contains(sara) && !mallSide.toString().contains(phone.substring(1)));
        // every message reached the other side
        JsonNode outbox = expect(200, salon.get("/api/v1/partners/remotes/mall/outbox", salonToken)).body();
        for (JsonNode m : outbox) assertEquals(m.toString(), "DELIVERED", m.path("state").asText());
        assertEquals(outbox.toString(), List.of("settlement-line", "consent", "agreement-approved", "agreement-proposed"),
            outbox.findValuesAsText("kind"));
    }

    private static <T> T await(java.util.concurrent.Callable<T> read, java.util.function.Predicate<T> done) {
        return org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS)
            .pollInterval(Duration.ofMillis(500)).until(read, done::test);
    }

    private RunningDistribution unpack(String name, int httpPort, int sshPort, int rmiRegistryPort, int rmiServerPort)
            throws Exception {
        RunningDistribution server = RunningDistribution.unpack(Paths.get("target", "partners-remote-it"), name,
            httpPort, sshPort, rmiRegistryPort, rmiServerPort);
        servers.add(server);
        return server;
    }

    /** Sends {@code sent}, signed as docs/partners.md says, but over {@code signedBody}. */
    private static HttpResponse<String> send(RunningDistribution to, String keyId, String secret, long timestamp,
                                             String nonce, String signedBody, String sent) throws Exception {
        String path = "/partner-link/v1/messages";
        String canonical = "POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(signedBody.getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        return RAW.send(HttpRequest.newBuilder(URI.create(to.base + path)).header("Content-Type", "application/json")
            .header("X-Bashgah-Key", keyId).header("X-Bashgah-Timestamp", String.valueOf(timestamp))
            .header("X-Bashgah-Nonce", nonce).header("X-Bashgah-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(sent)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

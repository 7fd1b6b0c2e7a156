package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 9 item 5, hostile input: a suite generated from the live OpenAPI document. Every operation is called
 * without credentials and with garbage ones (401, except the two public operations), every operation with a JSON
 * body gets malformed and mistyped bodies, out-of-range numbers, huge strings, bad Unicode, injection strings and an
 * oversized body, and every integer query parameter gets text and out-of-range values. Every answer must be a 4xx
 * problem (RFC 9457, {@code status} equal to the HTTP status) and never a 5xx; the setup member's ledger, stats and
 * the other state a write could reach must be unchanged afterwards, the ledger must verify, and the Karaf log must
 * hold no ERROR line written during the run.
 *
 * <p>How the bodies are kept invalid: mutating one field of a <em>valid</em> body can legitimately give another
 * valid body (an injection string is a perfectly good idempotency key or engagement ref; 1.5 is a good
 * percentage). So every write operation's base body ({@link #BASES}) is valid in shape (it parses and every field
 * has the right type and format) but is refused on its business rules, where possible twice over: a branch that
 * does not exist, a phone or code that is taken, a birth date in the future, a first tier threshold that is not 0,
 * a percentage over 100, a conversion of more points than the member has, a claim of an inactive reward. Each
 * mutation replaces one field, so the request stays refused whatever the mutated field turns into. The two
 * operations whose body has no field that could be invalid (expiry run and tier review: only an optional
 * {@code asOf}) use {@code asOf} 2000-01-01, which is valid but expires and reviews nothing; their base is
 * not sent on its own, and every mutation of it is invalid. The engagement operation has nothing that makes it
 * invalid besides an unknown branch, so the setup sets the review and social points of the chain's policy to 0:
 * even an accepted engagement writes nothing. Any 2xx answer to a mutated body is collected and printed as
 * suspicious; it fails the test only through the state comparison.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileInputIT extends BashgahTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NO_BRANCH = "hostile-no-such-branch";
    private static final String PROBLEM = "application/problem+json";

    private static final String OFFER_BASE = "{'name':'Hostile Offer','kind':'PERMANENT','branches':['" + NO_BRANCH
        + "'],'audience':{'metric':'visits','op':'gt','value':1},'trigger':{'amountOver':1000},"
        + "'reward':{'discountPercent':150},'limits':{'perMember':1},'priority':1,'stackable':true}";

    /** Valid-looking, business-refused base bodies (see the class comment), by "METHOD path". */
    private static final Map<String, String> BASES = Map.ofEntries(
        Map.entry("POST /api/v1/auth/token", "{'user':'hostile-nobody','password':'wrong-password-123'}"),
        Map.entry("POST /api/v1/auth/password",
            "{'currentPassword':'not-the-password-1','newPassword':'hostile-password-2'}"),
        Map.entry("POST /api/v1/organisations", "{'code':'main','name':'Hostile Org','currency':'IRR',"
            + "'timeZone':'Asia/Tehran','calendar':'persian','admin':{'user':'admin','password':'hostile-password-1'}}"),
        Map.entry("POST /api/v1/branches", "{'code':'${branch}','name':'Hostile Branch','active':true}"),
        Map.entry("PATCH /api/v1/branches/{code}", "{'code':'hostile-other-code','name':'Hostile Branch','active':false}"),
        Map.entry("POST /api/v1/members", "{'phone':'${phone}','name':'Hostile Member','birthDate':'1990-05-01',"
            + "'branch':'" + NO_BRANCH + "','referrerPhone':'${phone}','smsOptIn':true}"),
        Map.entry("PATCH /api/v1/members/{id}",
            "{'name':'Hostile Member','birthDate':'2999-01-01','smsOptIn':false,'phone':'${phone}'}"),
        Map.entry("POST /api/v1/purchases", "{'idempotencyKey':'hostile-purchase-${run}','member':'${member}',"
            + "'branch':'" + NO_BRANCH + "','at':'2026-01-01T10:00:00+03:30','amount':1000,"
            + "'lines':[{'productGroup':'shoes','amount':1000}],"
            + "'redeem':{'sharedCredit':0,'branchCredit':0,'points':100000000}}"),
        Map.entry("POST /api/v1/purchases/{id}/refund",
            "{'idempotencyKey':'hostile-refund-${run}','lines':[{'productGroup':'no-such-group','amount':1}]}"),
        Map.entry("POST /api/v1/api-keys", "{'name':'hostile key','branch':'" + NO_BRANCH + "'}"),
        Map.entry("POST /api/v1/users", "{'user':'admin','password':'hostile-password-1','role':'operator',"
            + "'branch':'" + NO_BRANCH + "','active':true}"),
        Map.entry("PATCH /api/v1/users/{user}", "{'user':'${user}','password':'hostile-password-1',"
            + "'role':'operator','branch':'" + NO_BRANCH + "','active':false}"),
        // offers: an unknown branch and a discount over 100%; activation and simulation of 0 days; margins over 100%
        Map.entry("POST /api/v1/offers", OFFER_BASE),
        Map.entry("PUT /api/v1/offers/{id}", OFFER_BASE),
        Map.entry("POST /api/v1/offers/{id}/activate", "{'days':0,'acceptLoss':false}"),
        Map.entry("POST /api/v1/offers/{id}/simulate", "{'days':0}"),
        Map.entry("POST /api/v1/offers/{id}/targeting-runs", "{'asOf':'2000-01-01T00:00:00Z','controlPercent':80}"),
        Map.entry("PUT /api/v1/offers/margins", "{'defaultPercent':150,'groups':{'no such group!':10}}"),
        Map.entry("PUT /api/v1/credit/policy", POLICY_BASE()),
        Map.entry("PUT /api/v1/credit/policy/branches/{code}", POLICY_BASE()),
        Map.entry("POST /api/v1/members/{id}/engagements",
            "{'kind':'REVIEW','ref':'hostile-ref-${run}','branch':'" + NO_BRANCH + "'}"),
        Map.entry("POST /api/v1/credit/expiry/run", "{'asOf':'2000-01-01T00:00:00Z'}"),
        Map.entry("POST /api/v1/credit/tiers/review", "{'asOf':'2000-01-01T00:00:00Z'}"),
        Map.entry("PUT /api/v1/credit/tiers", "{'measure':'POINTS','windowDays':5000,'tiers':[{'code':'BRONZE',"
            + "'name':'Bronze','threshold':5,'extraCreditPercent':0,'discountPercent':0}]}"),
        Map.entry("PUT /api/v1/members/{id}/tier", "{'tier':'NOSUCHTIER','note':'hostile note'}"),
        Map.entry("POST /api/v1/credit/rewards", "{'name':'Hostile Reward','pointsCost':10,'stock':5,"
            + "'branches':['" + NO_BRANCH + "'],'active':false}"),
        Map.entry("PATCH /api/v1/credit/rewards/{id}", "{'name':'Hostile Reward','pointsCost':10,'stock':5,"
            + "'unlimitedStock':true,'branches':['" + NO_BRANCH + "'],'active':true}"),
        Map.entry("POST /api/v1/credit/rewards/{id}/claims", "{'member':'${member}','branch':'" + NO_BRANCH + "',"
            + "'idempotencyKey':'hostile-claim-${run}'}"),
        // an unknown branch and an unknown RFM segment: refused whichever one field changes
        Map.entry("POST /api/v1/reports/segments", "{'name':'Hostile Segment','report':'rfm','parameters':"
            + "{'branch':'" + NO_BRANCH + "','segment':'no-such-segment'}}"),
        Map.entry("POST /api/v1/credit/conversions", "{'member':'${member}','points':100000000,"
            + "'branch':'" + NO_BRANCH + "','idempotencyKey':'hostile-conversion-${run}'}"),
        // bashgah-surveys: a questionnaire code the setup took (every mutation of the code is no code at all), a
        // campaign of a questionnaire, branch and reports segment that do not exist, a
        // claim at a branch that does not exist; the rest name ids that do not exist
        Map.entry("POST /api/v1/surveys/questionnaires", "{'code':'hostile-q-${run}','name':{'fa':'نظرسنجی',"
            + "'en':'Hostile'},'questions':[{'code':'overall','kind':'SCALE','text':{'en':'How was it?'},"
            + "'required':true,'choices':[]}]}"),
        Map.entry("PUT /api/v1/surveys/questionnaires/{id}", "{'name':{'en':'Hostile'},'questions':[{'code':'overall',"
            + "'kind':'SCALE','text':{'en':'How was it?'},'required':true}]}"),
        Map.entry("POST /api/v1/surveys/campaigns", SURVEYS_CAMPAIGN_BASE()),
        Map.entry("PATCH /api/v1/surveys/campaigns/{id}", SURVEYS_CAMPAIGN_BASE()),
        Map.entry("POST /api/v1/surveys/campaigns/{id}/run", "{'asOf':'2000-01-01T00:00:00Z'}"),
        Map.entry("POST /api/v1/surveys/queue/claim", "{'branch':'" + NO_BRANCH + "','campaign':999999999}"),
        Map.entry("POST /api/v1/surveys/claims/{id}/outcome", "{'outcome':'ANSWERED','note':'hostile note',"
            + "'answers':[{'question':1,'score':5}]}"),
        Map.entry("POST /api/v1/surveys/alerts/{id}/resolve", "{'note':'hostile note'}"),
        // bashgah-partners: a partner that does not exist and percentages over 100 on both sides; ids that do not
        // exist; an unknown branch, issuer and an amount no one holds; a window that ends before it starts and no
        // winners; an address that is not http and a short secret; an unsigned message (401 whatever it says)
        Map.entry("POST /api/v1/partners/agreements", "{'partner':'hostile-no-such-org','name':'Hostile Agreement',"
            + "'validFrom':'2026-01-01','validTo':'2026-12-31','ours':{'creditPercent':150,'discountPercent':10,"
            + "'discountProductGroup':'colour','maxCreditPerPurchase':0,'monthlyCreditCap':0},'theirs':{"
            + "'creditPercent':10,'discountPercent':150,'discountProductGroup':'colour','maxCreditPerPurchase':0,"
            + "'monthlyCreditCap':0}}"),
        Map.entry("POST /api/v1/partners/agreements/{id}/consents", "{'member':'${member}','note':'hostile note'}"),
        Map.entry("POST /api/v1/partners/redemptions", "{'idempotencyKey':'hostile-redeem-${run}','member':'${member}',"
            + "'branch':'" + NO_BRANCH + "','issuer':'hostile-no-such-org','amount':100000000,'purchase':'hostile'}"),
        Map.entry("POST /api/v1/partners/settlements", "{'partner':'hostile-no-such-org'}"),
        Map.entry("POST /api/v1/partners/settlements/{id}/payments", "{'amount':1000,'reference':'hostile reference'}"),
        Map.entry("POST /api/v1/partners/lotteries", "{'name':'Hostile Lottery','partners':['hostile-no-such-org'],"
            + "'startsAt':'2026-01-02T00:00:00Z','endsAt':'2026-01-01T00:00:00Z','amountPerTicket':100000,'winners':0}"),
        Map.entry("POST /api/v1/partners/remotes", "{'code':'hostile-remote','name':'Hostile Remote',"
            + "'url':'ftp://hostile.example','keyId':'hostile-key','secret':'short'}"),
        Map.entry("POST /partner-link/v1/messages", "{'type':'ping'}"));

    /** A campaign refused three times over: no such questionnaire, no such branch, no such segment. */
    private static String SURVEYS_CAMPAIGN_BASE() {
        return "{'name':'Hostile Campaign','questionnaire':999999999,'active':true,'branches':['" + NO_BRANCH + "'],"
            + "'tiers':['GOLD'],'firstPurchaseOnly':false,'samplePercent':50,'segment':'hostile-segment',"
            + "'delayHours':24,'callFrom':'10:00','callUntil':'20:00','callDays':['SATURDAY'],"
            + "'callsPerOperatorPerDay':10,'minDaysBetweenCalls':60,'maxAttempts':3,'retryNoAnswerMinutes':120,"
            + "'retryBusyMinutes':15,'giveUpAfterDays':7,'apologyOffer':'hostile-offer'}";
    }

    /** Bases that are valid on their own (see the class comment): only their mutations are sent. */
    private static final Set<String> VALID_BASES = Set.of("POST /api/v1/credit/expiry/run",
        "POST /api/v1/credit/tiers/review");

    /** A credit percentage over 100 and a point value over its maximum: refused whichever one field changes. */
    private static String POLICY_BASE() {
        return "{'creditPercent':150,'creditTo':'SHARED','sharedPercentOfCredit':50,'amountPerPoint':10000,"
            + "'pointValue':2000000000,'creditExpiryDays':365,'pointsExpiryDays':365,'maxRedeemPercent':50,"
            + "'signupPoints':0,'referralPoints':0,'reviewPoints':0,'socialPoints':0,'surveyPoints':0}";
    }

    private static final String[] INJECTIONS = {"' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "../../etc/passwd"};
    /** Raw JSON string literals (escapes kept as written): lone surrogates, NUL, RTL override. */
    private static final String[] BAD_UNICODE = {"\"\\ud800\"", "\"a\\udc00b\"", "\"a\\u0000b\"", "\"\\u202Eevil\"",
        "\"\u202Eevil\""};
    private static final String[] BAD_INTEGERS = {"1e30", "-1", "9223372036854775808", "1.5"};
    private static final String[] BAD_QUERY_INTEGERS = {"abc", "-1", "99999999999999999999"};

    private enum Expect { UNAUTHORIZED, PUBLIC, REFUSED, TOO_LARGE, READ }

    private final List<String> failures = new ArrayList<>();
    private final List<String> suspicious = new ArrayList<>();
    private final Map<Integer, Integer> histogram = new TreeMap<>();
    private int requests;
    /** For attributing writes: the admin token, what to read, and the state as last read. */
    private String adminToken;
    private Map<String, String> snapshotPaths;
    private Map<String, String> current;

    private record Reply(int status, String contentType, String body) { }

    @Test
    public void everyOperationRefusesHostileInputWithAProblemAndWritesNothing() throws Exception {
        String token = settled();
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        long started = System.nanoTime();

        // setup: real values for every path parameter
        String run = UUID.randomUUID().toString().substring(0, 8);
        String branch = branch("hostile-" + run);
        String phone = newPhone();
        String memberId = member(phone, branch);
        // engagements pay nothing (see the class comment); a valid change, made before the "before" snapshot
        expect(200, call("PUT", "/api/v1/credit/policy", token, json("reviewPoints", 0, "socialPoints", 0)));
        Answer purchase = expect(201, post("/api/v1/purchases", token, json("idempotencyKey", "hostile-setup-" + run,
            "member", memberId, "branch", branch, "amount", 500000,
            "lines", List.of(json("productGroup", "shoes", "amount", 500000)))));
        String purchaseId = purchase.text("id");
        // credit counts the purchase towards the tier after the commit (core's event, batched for 0.2 s): the
        // "before" snapshot must wait for it, or the tally lands during the run and looks written by a 4xx request
        long earnedPoints = purchase.number("earned.points");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> expect(200,
            get("/api/v1/members/" + memberId + "/tier", token)).body().path("windowSum").asLong() == earnedPoints);
        String keyId = expect(201, post("/api/v1/api-keys", token, json("name", "hostile setup key",
            "branch", branch))).text("id");
        String user = "hostile-op-" + run;
        expect(201, post("/api/v1/users", token, json("user", user, "password", "hostile-password-9",
            "role", "operator", "branch", branch)));
        String rewardId = expect(201, post("/api/v1/credit/rewards", token, json("name", "Hostile Setup Reward",
            "pointsCost", 100000000, "stock", 1, "active", false))).text("id");
        // takes the code the questionnaire base body asks for again
        expect(201, post("/api/v1/surveys/questionnaires", token, json("code", "hostile-q-" + run, "name",
            json("en", "Hostile Setup"), "questions", List.of(json("code", "overall", "kind", "SCALE",
                "text", json("en", "How was it?"))))));

        Map<String, String> values = Map.of("branch", branch, "phone", phone, "member", memberId, "user", user,
            "run", run);
        adminToken = token;
        snapshotPaths = snapshotPaths(memberId, phone, branch, purchaseId, rewardId);
        Map<String, String> before = snapshot(token, snapshotPaths);
        current = before;
        assertEquals("[]", JSON.readTree(before.get("/api/v1/ledger/verify")).path("problems").toString());

        JsonNode doc = JSON.readTree(expectOk(send("GET", "/api/openapi.json", null, null, null)).body());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> pathEntry = paths.next();
            String template = pathEntry.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> ops = pathEntry.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> opEntry = ops.next();
                String method = opEntry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                operations++;
                JsonNode op = opEntry.getValue();
                String operation = method + " " + template;
                List<JsonNode> params = parameters(doc, pathEntry.getValue(), op);
                String path = substitute(template, params, branch, memberId, purchaseId, keyId, rewardId, user);
                JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
                boolean open = security.isArray() && security.isEmpty();
                JsonNode schema = bodySchema(doc, op);
                String base = schema == null ? null : baseBody(doc, operation, schema, values);

                // 1, 2: no credentials and garbage credentials
                Expect auth = open ? Expect.PUBLIC : Expect.UNAUTHORIZED;
                if (!(open && method.equals("POST"))) {
                    check(operation, "no Authorization", send(method, path, null, base, "application/json"), auth);
                }
                for (String bad : new String[] {"Bearer garbage", "Bearer bgt_" + UUID.randomUUID(),
                    "Bearer bgk_" + UUID.randomUUID(), "Bearer ", "Basic YWRtaW46aXRlc3QtYWRtaW4tcGFzc3dvcmQ=",
                    "bearer " + "x".repeat(5000)}) {
                    if (open && method.equals("POST")) break; // the login: its body decides, checked below
                    check(operation, "Authorization: " + abbreviate(bad, 40),
                        sendAuth(method, path, bad, base, "application/json"), auth);
                }

                // 3: bodies
                if (schema != null) bodies(doc, operation, method, path, open ? null : token, schema, base);

                // 4: integer query parameters (GET only in this API)
                for (JsonNode p : params) {
                    if (!p.path("in").asText().equals("query")) continue;
                    if (!resolve(doc, p.path("schema")).path("type").asText().equals("integer")) continue;
                    for (String value : BAD_QUERY_INTEGERS) {
                        String q = path + (path.contains("?") ? "&" : "?") + p.path("name").asText() + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8);
                        check(operation, "query " + p.path("name").asText() + "=" + value,
                            send(method, q, token, null, null), method.equals("GET") ? Expect.READ : Expect.REFUSED);
                    }
                }

                // and hostile path parameters, for reads only (a refused write is covered above)
                if (method.equals("GET") && !open) {
                    for (JsonNode p : params) {
                        if (!p.path("in").asText().equals("path")) continue;
                        for (String value : new String[] {"' OR 1=1 --", "<script>alert(1)</script>",
                            "${jndi:ldap://x}", "a".repeat(2000), "\u202Eevil", "-1", "99999999999999999999"}) {
                            String hostile = template;
                            for (JsonNode other : params) {
                                if (!other.path("in").asText().equals("path")) continue;
                                String name = other.path("name").asText();
                                String v = other == p ? value
                                    : valueOf(template, name, branch, memberId, purchaseId, keyId, rewardId, user);
                                hostile = hostile.replace("{" + name + "}",
                                    URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
                            }
                            check(operation, "path " + p.path("name").asText() + "=" + abbreviate(value, 30),
                                send(method, hostile, token, null, null), Expect.READ);
                        }
                    }
                }
            }
        }

        // before and after the whole run: what 2xx answers changed was reported (and taken in) as it happened,
        // so whatever differs still was written by a request that was answered 4xx
        Map<String, String> after = snapshot(token, snapshotPaths);
        compare(current, after, "a request answered 4xx (which one is not known)");
        JsonNode verify = JSON.readTree(after.get("/api/v1/ledger/verify"));
        if (!verify.path("problems").isArray() || !verify.path("problems").isEmpty()) {
            failures.add("LEDGER: /api/v1/ledger/verify reports " + verify);
        }
        List<String> errors = errorLines(log, logStart);
        // one failure per distinct message (the time and thread columns left out), with how often it was logged
        Map<String, Integer> distinct = new LinkedHashMap<>();
        for (String line : errors) {
            String[] columns = line.split("\\|", 4);
            distinct.merge(columns.length == 4 ? columns[3].strip() : line, 1, Integer::sum);
        }
        distinct.forEach((message, times) -> failures.add("LOG ERROR x" + times + ": " + abbreviate(message, 400)));

        double seconds = (System.nanoTime() - started) / 1e9;
        String summary = String.format("HostileInputIT: %d operations covered, %d requests sent in %.1f s, "
            + "status histogram %s, %d failures, %d suspicious 2xx", operations, requests, seconds, histogram,
            failures.size(), suspicious.size());
        StringBuilder report = new StringBuilder(summary).append('\n');
        if (!suspicious.isEmpty()) {
            report.append("Suspicious 2xx answers to hostile input (allowed, listed for review):\n");
            suspicious.forEach(s -> report.append("  ").append(s).append('\n'));
        }
        if (!failures.isEmpty()) {
            report.append("Failures:\n");
            failures.forEach(f -> report.append("  ").append(f).append('\n'));
        }
        System.out.println(report);
        String home = System.getProperty("karaf.base", ".");
        Files.writeString(Path.of(home, "hostile-input-report.txt"), report.toString(), StandardCharsets.UTF_8);
        assertTrue("expected every operation in the document, got " + operations, operations >= 40);
        if (!failures.isEmpty()) fail(report.toString());
    }

    /**
     * An admin token once the server has settled: the JAX-RS whiteboard re-publishes the application while
     * resources register (a "No service was found" 404 in between), so this waits until the document lists the
     * credit and surveys operations and three logins in a row succeed.
     */
    private String settled() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            Reply doc = send("GET", "/api/openapi.json", null, null, null);
            return doc.status() == 200 && doc.body().contains("/api/v1/credit/tiers")
                && doc.body().contains("/api/v1/credit/rewards") && doc.body().contains("/api/v1/surveys/campaigns")
                && doc.body().contains("/api/v1/surveys/reports")
                && doc.body().contains("/api/v1/reports/segments");
        });
        // admin() waits for three good logins in a row
        resetAdminToken();
        return admin();
    }

    // ------------------------------------------------------------------------------------------------ bodies

    private void bodies(JsonNode doc, String operation, String method, String path, String token, JsonNode schema,
                        String base) throws IOException {
        String ct = "application/json";
        if (!VALID_BASES.contains(operation)) check(operation, "base body " + base, send(method, path, token, base, ct),
            Expect.REFUSED);
        for (String body : new String[] {"{}", "[]", "\"hostile\"", "{\"a\":", "", "null", "{}{}", "{,}", "[".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), base + " trailing", base.replace("{", "{{")}) {
            if (body.equals("{}") && schema.path("required").isEmpty()) continue;
            check(operation, "body " + abbreviate(body, 40), send(method, path, token, body, ct), Expect.REFUSED);
        }
        check(operation, "body as text/plain", send(method, path, token, base, "text/plain"), Expect.REFUSED);
        check(operation, "body without Content-Type", send(method, path, token, base, null), Expect.REFUSED);
        // invalid UTF-8 inside a string value
        byte[] invalidUtf8 = base.replaceFirst(":\"", ":\"\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == 1) invalidUtf8[i] = (byte) 0xC3;
        }
        if (base.contains(":\"")) {
            // 0xC3 followed by an ASCII letter is not UTF-8
            check(operation, "invalid UTF-8 in a string", sendBytes(method, path, token, invalidUtf8, ct),
                Expect.REFUSED);
        }
        // over 1 MiB: leading whitespace (read before any field), and one huge string value
        check(operation, "1.1 MiB of whitespace before the body",
            send(method, path, token, " ".repeat(1_150_000) + base, ct), Expect.TOO_LARGE);
        String huge = JSON.writeValueAsString("x".repeat(1_150_000));
        String withHuge = base.replaceFirst("(\"[A-Za-z]+\":)\"[^\"]*\"", "$1" + Matcher.quoteReplacement(huge));
        if (!withHuge.equals(base)) {
            check(operation, "1.1 MiB string value", send(method, path, token, withHuge, ct), Expect.TOO_LARGE);
        }

        ObjectNode root = (ObjectNode) JSON.readTree(base);
        // an unknown field on every object, and every required field left out
        List<Field> fields = new ArrayList<>();
        collect(doc, root, schema, "", fields);
        for (Field f : fieldsAndRoot(root, schema, fields)) {
            if (!(f.node instanceof ObjectNode)) continue;
            ObjectNode copy = root.deepCopy();
            ObjectNode target = f.path.isEmpty() ? copy : (ObjectNode) at(copy, f.path);
            target.put("hostileUnknownField", 1);
            check(operation, "unknown field in " + (f.path.isEmpty() ? "body" : f.path),
                send(method, path, token, copy.toString(), ct), Expect.REFUSED);
            JsonNode s = f.path.isEmpty() ? schema : f.schema;
            for (JsonNode required : s.path("required")) {
                ObjectNode without = root.deepCopy();
                ObjectNode t = f.path.isEmpty() ? without : (ObjectNode) at(without, f.path);
                t.remove(required.asText());
                check(operation, "required " + required.asText() + " left out",
                    send(method, path, token, without.toString(), ct), Expect.REFUSED);
            }
        }
        // every field: wrong types, bad numbers, huge, bad Unicode and injection strings
        for (Field f : fields) {
            String type = f.schema.path("type").asText(f.node.isTextual() ? "string" : f.node.isIntegralNumber()
                ? "integer" : f.node.isNumber() ? "number" : f.node.isBoolean() ? "boolean" : f.node.isArray()
                ? "array" : "object");
            List<String> raw = new ArrayList<>();
            if (!type.equals("string")) raw.add("\"hostile\"");
            if (!type.equals("integer") && !type.equals("number")) raw.add("12345");
            if (!type.equals("object")) raw.add("{\"a\":1}");
            if (!type.equals("array")) raw.add("[1]");
            if (!type.equals("boolean")) raw.add("true");
            if (type.equals("integer")) raw.addAll(List.of(BAD_INTEGERS));
            if (type.equals("number")) raw.addAll(List.of("1e30", "-1", "1e400", "1.00000000000000000001e2"));
            if (type.equals("string")) {
                raw.add(JSON.writeValueAsString("a".repeat(10_000)));
                raw.addAll(List.of(BAD_UNICODE));
                for (String s : INJECTIONS) raw.add(JSON.writeValueAsString(s));
            }
            for (String value : raw) {
                ObjectNode copy = root.deepCopy();
                String marker = "@@HOSTILE@@";
                replace(copy, f.path, new TextNode(marker));
                String body = copy.toString().replace("\"" + marker + "\"", value);
                check(operation, f.path + "=" + abbreviate(value, 40), send(method, path, token, body, ct),
                    Expect.REFUSED);
            }
        }
    }

    private record Field(String path, JsonNode node, JsonNode schema) { }

    private static List<Field> fieldsAndRoot(ObjectNode root, JsonNode schema, List<Field> fields) {
        List<Field> all = new ArrayList<>();
        all.add(new Field("", root, schema));
        all.addAll(fields);
        return all;
    }

    /** Every field of the base body (nested objects and the first item of arrays too), with its schema. */
    private static void collect(JsonNode doc, JsonNode node, JsonNode schema, String prefix, List<Field> out) {
        schema = resolve(doc, schema);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                JsonNode s = resolve(doc, schema.path("properties").path(e.getKey()));
                out.add(new Field(p, e.getValue(), s));
                collect(doc, e.getValue(), s, p, out);
            }
        } else if (node.isArray() && node.size() > 0) {
            String p = prefix + "[0]";
            JsonNode s = resolve(doc, schema.path("items"));
            out.add(new Field(p, node.get(0), s));
            collect(doc, node.get(0), s, p, out);
        }
    }

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        Matcher m = STEP.matcher(path);
        while (m.find()) node = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
        return node;
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        String parentPath = cut < 0 ? "" : path.substring(0, cut);
        JsonNode parent = parentPath.isEmpty() ? root : at(root, parentPath);
        String last = cut < 0 ? path : path.substring(cut + (path.charAt(cut) == '.' ? 1 : 0));
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private String baseBody(JsonNode doc, String operation, JsonNode schema, Map<String, String> values)
            throws IOException {
        String template = BASES.get(operation);
        if (template == null) {
            // an operation this test does not know yet: a body generated from its schema (it may be valid!)
            suspicious.add(operation + ": no hand-made base body; generated one from the schema");
            return generate(doc, schema, 0).toString();
        }
        String text = template.replace('\'', '"');
        for (Map.Entry<String, String> v : values.entrySet()) text = text.replace("${" + v.getKey() + "}", v.getValue());
        return JSON.readTree(text).toString();
    }

    private static JsonNode generate(JsonNode doc, JsonNode schema, int depth) {
        schema = resolve(doc, schema);
        if (schema.has("enum")) return schema.get("enum").get(0);
        switch (schema.path("type").asText("object")) {
            case "string":
                return switch (schema.path("format").asText()) {
                    case "date" -> NODES.textNode("1990-05-01");
                    case "date-time" -> NODES.textNode("2000-01-01T00:00:00Z");
                    default -> NODES.textNode("hostile-value");
                };
            case "integer":
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) array.add(generate(doc, schema.path("items"), depth + 1));
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        object.set(e.getKey(), generate(doc, e.getValue(), depth + 1));
                    }
                }
                return object;
        }
    }

    // ------------------------------------------------------------------------------------------ the document

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        for (int i = 0; i < 20 && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) return node;
            node = doc.at(ref.substring(1));
        }
        return node;
    }

    private static JsonNode bodySchema(JsonNode doc, JsonNode op) {
        JsonNode body = resolve(doc, op.path("requestBody"));
        JsonNode schema = body.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(doc, schema);
    }

    private static List<JsonNode> parameters(JsonNode doc, JsonNode pathItem, JsonNode op) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode p : pathItem.path("parameters")) {
            JsonNode r = resolve(doc, p);
            byKey.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
        }
        for (JsonNode p : op.path("parameters")) {
            JsonNode r = resolve(doc, p);
            byKey.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String substitute(String template, List<JsonNode> params, String branch, String member,
                                     String purchase, String key, String reward, String user) {
        String path = template;
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            String v = valueOf(template, m.group(1), branch, member, purchase, key, reward, user);
            path = path.replace("{" + m.group(1) + "}", URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return path;
    }

    /** The real value for a path parameter, by the collection it follows; unknown ones get a random UUID. */
    private static String valueOf(String template, String name, String branch, String member, String purchase,
                                  String key, String reward, String user) {
        int at = template.indexOf("{" + name + "}");
        String before = template.substring(0, at);
        String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return switch (collection) {
            case "branches" -> branch;
            case "members" -> member;
            case "purchases" -> purchase;
            case "api-keys" -> key;
            case "rewards" -> reward;
            case "users" -> user;
            default -> UUID.randomUUID().toString();
        };
    }

    // ---------------------------------------------------------------------------------------- the checking

    private void check(String operation, String input, Reply reply, Expect expect) {
        requests++;
        histogram.merge(reply.status(), 1, Integer::sum);
        String what = operation + " <- " + input + ": " + reply.status() + " " + abbreviate(reply.body(), 300);
        int status = reply.status();
        if (status >= 500) {
            failures.add("5xx: " + what);
            return;
        }
        if (status >= 200 && status < 300) {
            switch (expect) {
                case UNAUTHORIZED -> failures.add("NOT 401: " + what);
                case TOO_LARGE -> failures.add("NOT 413: " + what);
                case PUBLIC -> { }
                default -> {
                    suspicious.add(what);
                    if (!operation.startsWith("GET ")) {
                        // an accepted write: did it change anything? (attributes the change to this request)
                        Map<String, String> now = snapshot(adminToken, snapshotPaths);
                        compare(current, now, what);
                        current = now;
                    }
                }
            }
            return;
        }
        if (status < 400) {
            failures.add("NOT 4xx: " + what);
            return;
        }
        if (expect == Expect.UNAUTHORIZED && status != 401) failures.add("NOT 401: " + what);
        if (expect == Expect.TOO_LARGE && status != 413) failures.add("NOT 413: " + what);
        String problem = problemFault(reply);
        if (problem != null) failures.add("NOT A PROBLEM (" + problem + "): " + what);
    }

    /** Why the answer is not an RFC 9457 problem whose status is the HTTP status, or null when it is one. */
    private static String problemFault(Reply reply) {
        if (reply.contentType() == null || !reply.contentType().startsWith(PROBLEM)) {
            return "Content-Type " + reply.contentType();
        }
        try {
            JsonNode body = JSON.readTree(reply.body());
            if (body == null || !body.isObject()) return "body is not a JSON object";
            if (!body.path("status").isInt() || body.path("status").asInt() != reply.status()) {
                return "status field " + body.path("status");
            }
            if (!body.path("title").isTextual() || body.path("title").asText().isBlank()) return "no title";
            return null;
        } catch (IOException e) {
            return "body is not JSON";
        }
    }

    private static Reply expectOk(Reply reply) {
        assertEquals(reply.body(), 200, reply.status());
        return reply;
    }

    private static Reply send(String method, String path, String token, String body, String contentType) {
        return sendAuth(method, path, token == null ? null : "Bearer " + token, body, contentType);
    }

    private static Reply sendAuth(String method, String path, String authorization, String body, String contentType) {
        return exchange(method, path, authorization, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            contentType);
    }

    private static Reply sendBytes(String method, String path, String token, byte[] body, String contentType) {
        return exchange(method, path, "Bearer " + token, body, contentType);
    }

    private static Reply exchange(String method, String path, String authorization, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) request.header("Authorization", authorization);
        if (body != null && contentType != null) request.header("Content-Type", contentType);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        } catch (IOException e) {
            // the server may close the connection early on an oversized body; that is not an answer
            return new Reply(599, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------ nothing written

    private void compare(Map<String, String> before, Map<String, String> after, String cause) {
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (e.getKey().equals("/api/v1/ledger/verify")) continue;
            if (!e.getValue().equals(after.get(e.getKey()))) {
                failures.add("WRITTEN: GET " + e.getKey() + " changed by " + abbreviate(cause, 200) + ":\n    before "
                    + abbreviate(e.getValue(), 600) + "\n    after  " + abbreviate(after.get(e.getKey()), 600));
            }
        }
    }

    private static Map<String, String> snapshotPaths(String member, String phone, String branch, String purchase,
                                                     String reward) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String p : new String[] {"/api/v1/members/" + member + "/ledger?limit=500",
            "/api/v1/members/" + member + "/stats", "/api/v1/members?phone=" + phone, "/api/v1/members/" + member,
            "/api/v1/members/" + member + "/balances", "/api/v1/members/" + member + "/tier",
            "/api/v1/members/" + member + "/expiring", "/api/v1/purchases/" + purchase, "/api/v1/branches",
            "/api/v1/branches/" + branch, "/api/v1/users", "/api/v1/api-keys", "/api/v1/organisations",
            "/api/v1/auth/me", "/api/v1/credit/policy", "/api/v1/credit/policy/branches/" + branch,
            "/api/v1/credit/policy/history", "/api/v1/credit/tiers", "/api/v1/credit/rewards",
            "/api/v1/credit/rewards/" + reward, "/api/v1/credit/rewards/" + reward + "/claims",
            "/api/v1/surveys/questionnaires", "/api/v1/surveys/campaigns", "/api/v1/surveys/queue",
            "/api/v1/surveys/calls", "/api/v1/surveys/alerts", "/api/v1/surveys/responses",
            "/api/v1/reports/segments", "/api/v1/ledger/verify"}) {
            paths.put(p, p);
        }
        return paths;
    }

    private Map<String, String> snapshot(String token, Map<String, String> paths) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String p : paths.keySet()) {
            // a 404 (a branch without a policy of its own) is state too: it must stay a 404
            Reply reply = send("GET", p, token, null, null);
            if (reply.status() >= 500) {
                // a plain read that fails is a product bug of its own; it is reported, and compared like the rest
                String fault = "5xx on a plain read: GET " + p + ": " + reply.status() + " " + abbreviate(reply.body(), 300);
                if (!failures.contains(fault)) failures.add(fault);
            } else if (reply.status() != 404) {
                assertEquals(p + ": " + reply.body(), 200, reply.status());
            }
            state.put(p, p.equals("/api/v1/ledger/verify") ? reply.body() : reply.status() + " " + reply.body());
        }
        return state;
    }

    private static List<String> errorLines(Path log, long from) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(log)) return lines;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = from <= file.length() ? from : 0; // rolled over: read it all
            byte[] bytes = new byte[(int) Math.min(file.length() - start, 64L * 1024 * 1024)];
            file.seek(start);
            file.readFully(bytes);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (line.contains("| ERROR |")) lines.add(line);
            }
        }
        return lines;
    }

    private static String abbreviate(String text, int max) {
        if (text == null) return "null";
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + oneLine.length() + " chars)";
    }
}

package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.bashgah.itests.RunningDistribution.READY;
import static org.bashgah.itests.RunningDistribution.expect;
import static org.bashgah.itests.RunningDistribution.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * bashgah-surveys' console pages in a real headless Chromium, as {@link ConsoleIT} drives the console: the assembled
 * distribution unpacked and started as a process on its own ports (HTTP 19581, SSH 19501, RMI 11599/44945), booted
 * without bashgah-surveys, which the test installs on the running server through Karaf's management (JMX) before the
 * first test, and removes and installs again in one of them. Calls are made callable by the campaign's run as of a
 * moment inside its call hours (an hour ago to three hours from now, in the organisation's zone, Asia/Tehran).
 * Screenshots in English and Persian go to {@code target/screenshots/surveys-*.png}.
 *
 * <p>Without Chromium this test fails; {@code -Dbashgah.console.browser=skip} is the explicit way to skip it.
 */
public class SurveysConsoleIT extends BrowserTestSupport {
    private static final String ADMIN_PASSWORD = "surveys-console-Pa55word-admin";
    private static final String SHELL_PASSWORD = "surveys-console-Pa55word-shell";
    private static final String PASSWORD = "surveys-console-Pa55word-user";
    private static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static String adminToken;

    @BeforeClass
    public static void startServer() throws Exception {
        unpackServer(SurveysConsoleIT.class, "surveys-console-it", "surveys", 19581, 19501, 11599, 44945, SHELL_PASSWORD);
        server.withoutBootFeature("bashgah-surveys");
        server.start(Map.of("BASHGAH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        adminToken = server.awaitLogin("admin", ADMIN_PASSWORD);
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-1", "name", "Tehran Vanak")));
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-2", "name", "Tehran Tajrish")));
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-3", "name", "Tehran Pasdaran")));
        installSurveys();
    }

    /** The call screen with the questionnaire below the member's card. */
    @Override
    protected int windowHeight() {
        return 1100;
    }

    // ---- the scenarios ----

    @Test
    public void anOperatorTakesTheCallOfAPurchaseRecordsTheAnswersAndSeesTheSurveyPoints() throws Exception {
        long surveyPoints = expect(200, server.get("/api/v1/credit/policy", adminToken)).body().path("surveyPoints").asLong();
        assertTrue("the policy pays survey points", surveyPoints > 0);
        long questionnaire = questionnaire("after-visit-1");
        long campaign = campaign("After the visit", questionnaire, "tehran-1");
        user("op1", "operator", "tehran-1");
        String ali = member("09121110001", "Ali Rezaei", "tehran-1");
        String sara = member("09121110002", "Sara Ahmadi", "tehran-1");
        buy("09121110001", "tehran-1", 600_000, "shoes", 3);
        buy("09121110002", "tehran-1", 250_000, "bags", 2);
        run(campaign, 2);
        long pointsBefore = points(ali);

        open("");
        english();
        login("op1");
        assertTrue(present(By.cssSelector("a[data-route='ext/surveys/calls']")));
        assertFalse("an operator has no manager pages", present(By.cssSelector("a[data-route='ext/surveys/reports']")));
        click(By.cssSelector("a[data-route='ext/surveys/calls']"));
        assertEquals("2", visible(By.id("queue-queued")).getText());
        click(By.id("call-claim"));
        // the call due first: Ali's purchase, an hour older than Sara's
        assertEquals("Ali Rezaei", visible(By.id("call-member-name")).getText());
        assertEquals("+989121110001", driver.findElement(By.id("call-member-phone")).getText());
        assertEquals("600000", driver.findElement(By.id("call-purchase-amount")).getAttribute("data-value"));
        assertEquals("shoes", driver.findElement(By.cssSelector("#call-recent tbody tr td:last-child")).getText());
        // every kind of question, rendered by kind
        assertEquals(5, driver.findElements(By.cssSelector("li[data-question='overall'] input[type=radio]")).size());
        assertEquals(11, driver.findElements(By.cssSelector("li[data-question='recommend'] input[type=radio]")).size());
        assertEquals(2, driver.findElements(By.cssSelector("li[data-question='visit'] input[type=radio]")).size());
        assertEquals(3, driver.findElements(By.cssSelector("li[data-question='liked'] input[type=checkbox]")).size());
        assertEquals(2, driver.findElements(By.cssSelector("li[data-question='again'] input[type=radio]")).size());
        assertEquals(1, driver.findElements(By.cssSelector("li[data-question='comment'] textarea")).size());

        // a required question left out is named on the page, and nothing is sent
        click(By.id("call-answered"));
        assertTrue(visible(By.cssSelector("#call-result .problem")).getText().contains("How satisfied were you?"));
        choose("overall", "5");
        choose("recommend", "9");
        choose("visit", "shoes");
        choose("liked", "staff");
        choose("liked", "price");
        choose("again", "yes");
        type(By.cssSelector("li[data-question='comment'] textarea"), "The new cashier was very kind");
        screenshot("surveys-call-en");
        click(By.id("call-answered"));
        assertTrue(visible(By.id("call-recorded")).getText().startsWith("Answered"));
        // the member's survey points, paid by credit through an event once the answers are in
        WebElement balance = visible(By.id("call-points-balance"));
        assertEquals(String.valueOf(pointsBefore + surveyPoints), balance.getAttribute("data-value"));
        assertEquals(pointsBefore + surveyPoints, points(ali));
        JsonNode done = expect(200, server.get("/api/v1/surveys/calls?campaign=" + campaign + "&status=DONE", adminToken)).body();
        assertEquals(1, done.size());
        assertEquals(ali, done.get(0).path("member").asText());
        JsonNode response = expect(200, server.get("/api/v1/surveys/responses?campaign=" + campaign, adminToken)).body();
        assertEquals(1, response.size());

        // the next call, in Persian: right to left, Persian digits; busy, so it is tried again later
        click(By.id("call-next"));
        assertEquals("Sara Ahmadi", visible(By.id("call-member-name")).getText());
        persian();
        assertEquals("Sara Ahmadi", visible(By.id("call-member-name")).getText());
        assertEquals("۲۵۰٬۰۰۰", driver.findElement(By.id("call-purchase-amount")).getText());
        assertTrue(PERSIAN_DIGITS.matcher(driver.findElement(By.id("call-expires")).getText()).find());
        assertEquals("تماس‌های رضایت‌سنجی", driver.findElement(By.cssSelector("#page h1")).getText());
        screenshot("surveys-call-fa");
        // handed back, it is straight back in the queue (within call hours), and taken again
        click(By.id("call-release"));
        visible(By.id("call-released"));
        assertEquals("۱", visible(By.id("queue-queued")).getText());
        click(By.id("call-claim"));
        assertEquals("Sara Ahmadi", visible(By.id("call-member-name")).getText());
        click(By.id("call-BUSY"));
        assertTrue(visible(By.id("call-recorded")).getText().startsWith("اشغال"));
        JsonNode saraCalls = expect(200, server.get("/api/v1/surveys/calls?campaign=" + campaign + "&member=" + sara, adminToken)).body();
        assertEquals("PENDING", saraCalls.get(0).path("status").asText());
        assertEquals(1, saraCalls.get(0).path("attempts").asInt());
        click(By.id("call-next"));
        visible(By.id("call-none"));
    }

    @Test
    public void aManagerSeesCsatAndNpsPerBranchTheAnswersTheAlertAndPausesTheCampaign() throws Exception {
        long questionnaire = questionnaire("after-visit-2");
        long campaign = campaign("Tajrish calls", questionnaire, "tehran-2");
        String operator = user("op2", "operator", "tehran-2");
        user("bm2", "branch-manager", "tehran-2");
        // five, four and one on the scale: CSAT 2 of 3 = 66.7; ten, nine and two on NPS: (2 - 1) / 3 = 33.3
        int[][] scores = {{5, 10}, {4, 9}, {1, 2}};
        for (int i = 0; i < scores.length; i++) {
            String phone = "0912222000" + i;
            member(phone, "Member " + i, "tehran-2");
            buy(phone, "tehran-2", 100_000, "coffee", 3 - i);
        }
        run(campaign, scores.length);
        for (int[] s : scores) answer(operator, s[0], s[1], s[0] == 1 ? "Cold coffee" : "Fine");

        open("");
        english();
        login("bm2");
        assertTrue("a branch manager may take calls too", present(By.cssSelector("a[data-route='ext/surveys/calls']")));
        click(By.cssSelector("a[data-route='ext/surveys/reports']"));
        wait.until(d -> "66.7".equals(d.findElement(By.id("report-csat")).getText()));
        assertEquals("33.3", driver.findElement(By.id("report-nps")).getText());
        assertEquals("100", driver.findElement(By.id("report-response-rate")).getText());
        WebElement row = visible(By.cssSelector("#report-summary tr[data-key='tehran-2']"));
        assertEquals("66.7", row.findElement(By.cssSelector(".csat")).getText());
        assertEquals("33.3", row.findElement(By.cssSelector(".nps")).getText());
        // how the scale was answered: one 1, one 4, one 5 (zeros for the others)
        List<WebElement> overall = driver.findElements(By.cssSelector("[data-question='overall'] dd"));
        assertEquals(List.of("1", "0", "0", "1", "1"), overall.stream().map(e -> e.getAttribute("data-count")).toList());
        assertTrue(visible(By.id("report-texts")).getText().contains("Cold coffee"));
        screenshot("surveys-reports-en");

        click(By.cssSelector("a[data-route='ext/surveys/alerts']"));
        WebElement alert = visible(By.cssSelector("#alerts-list tbody tr"));
        assertEquals("1", alert.findElement(By.cssSelector("td.danger")).getText());
        screenshot("surveys-alerts-en");
        alert.findElement(By.cssSelector("input.alert-note")).sendKeys("Called back and apologised");
        alert.findElement(By.cssSelector("button.alert-resolve")).click();
        visible(By.id("alert-resolved"));
        JsonNode resolved = expect(200, server.get("/api/v1/surveys/alerts?status=RESOLVED&branch=tehran-2", adminToken)).body();
        assertEquals("Called back and apologised", resolved.get(0).path("note").asText());

        persian();
        click(By.cssSelector("a[data-route='ext/surveys/reports']"));
        wait.until(d -> "۶۶٫۷".equals(d.findElement(By.id("report-csat")).getText()));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("۳۳٫۳", driver.findElement(By.id("report-nps")).getText());
        String period = driver.findElement(By.id("report-period")).getText();
        assertTrue("the period in the Jalali calendar: " + period, period.contains("۱۴۰") && !period.contains("2026"));
        screenshot("surveys-reports-fa");

        // a branch manager reads campaigns; the chain admin pauses one
        click(By.cssSelector("a[data-route='ext/surveys/campaigns']"));
        visible(By.cssSelector("#campaigns-list tr[data-campaign='" + campaign + "']"));
        assertFalse("only chain admins change campaigns", present(By.id("campaign-new")));
        click(By.id("logout"));
        visible(By.id("login-user"));
        english();
        login("admin", ADMIN_PASSWORD);
        open("#/ext/surveys/campaigns/" + campaign);
        click(By.id("campaign-pause"));
        visible(By.id("campaign-resume"));
        assertEquals("Status: Paused", driver.findElement(By.id("campaign-status")).getText());
        assertFalse(expect(200, server.get("/api/v1/surveys/campaigns/" + campaign, adminToken)).body().path("active").asBoolean());
        screenshot("surveys-campaign-en");
        click(By.id("campaign-resume"));
        visible(By.id("campaign-pause"));
        assertTrue(expect(200, server.get("/api/v1/surveys/campaigns/" + campaign, adminToken)).body().path("active").asBoolean());
    }

    @Test
    public void aChainAdminMakesAQuestionnaireAndAnEditOfOneInUseMakesTheNextVersion() throws Exception {
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        click(By.cssSelector("a[data-route='ext/surveys/questionnaires']"));
        click(By.id("questionnaire-new"));
        WebElement definition = visible(By.id("questionnaire-json"));
        definition.clear();
        definition.sendKeys("{\"code\": \"quick\", \"name\": {\"fa\": \"سریع\", \"en\": \"Quick\"}, \"questions\": ["
            + "{\"code\": \"overall\", \"kind\": \"SCALE\", \"text\": {\"en\": \"How was it?\"}}, "
            + "{\"code\": \"bad\", \"kind\": \"STARS\", \"text\": {\"en\": \"?\"}}]}");
        click(By.id("questionnaire-save"));
        // a bad kind is refused with the field named, and nothing is made
        assertTrue(visible(By.cssSelector("#questionnaire-message .problem")).getText().contains("questions[1].kind"));
        assertFalse(expect(200, server.get("/api/v1/surveys/questionnaires", adminToken)).raw().contains("\"quick\""));
        definition = visible(By.id("questionnaire-json"));
        definition.clear();
        definition.sendKeys("{\"code\": \"quick\", \"name\": {\"fa\": \"سریع\", \"en\": \"Quick\"}, \"questions\": ["
            + "{\"code\": \"overall\", \"kind\": \"SCALE\", \"text\": {\"en\": \"How was it?\"}}]}");
        click(By.id("questionnaire-save"));
        visible(By.id("questionnaire-saved"));
        assertEquals("Current version: 1", visible(By.id("questionnaire-version")).getText());
        long id = questionnaireId("quick");

        // shown to an operator once, it is in use: the edit makes version 2
        long campaign = campaign("Quick calls", id, "tehran-3");
        String operator = user("op3", "operator", "tehran-3");
        member("09123330001", "Reza", "tehran-3");
        buy("09123330001", "tehran-3", 90_000, "shoes", 1);
        run(campaign, 1);
        expect(201, server.post("/api/v1/surveys/queue/claim", operator, json("campaign", campaign)));
        open("#/ext/surveys/questionnaires/" + id);
        click(By.id("questionnaire-edit"));
        String edited = visible(By.id("questionnaire-json")).getAttribute("value").replace("How was it?", "How was your visit?");
        js("document.getElementById('questionnaire-json').value = arguments[0]", edited);
        click(By.id("questionnaire-save"));
        visible(By.id("questionnaire-saved"));
        assertEquals("Current version: 2", visible(By.id("questionnaire-version")).getText());
        assertEquals(2, visible(By.cssSelector("#questionnaire-versions")).findElements(By.cssSelector("tbody tr")).size());
        assertTrue(driver.findElement(By.id("questionnaire-questions")).getText().contains("How was your visit?"));
        screenshot("surveys-questionnaire-en");
    }

    @Test
    public void theSurveysPagesGoWithTheFeatureAndComeBackWithIt() throws Exception {
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        visible(By.cssSelector("a[data-route='ext/surveys/reports']"));
        features("uninstallFeature", "bashgah-surveys");
        try {
            awaitExtensions(ids -> !ids.contains("surveys"));
            await("surveys' REST resources gone").atMost(READY)
                .until(() -> server.get("/api/v1/surveys/campaigns", adminToken).status() == 404);
            open("#/ext/surveys/reports");
            assertEquals("404", visible(By.cssSelector(".problem")).getAttribute("data-status"));
            assertFalse("the surveys' menu items are gone", present(By.cssSelector("a[data-ext='surveys']")));
            assertTrue(present(By.cssSelector("a[data-ext='credit']")));
        } finally {
            installSurveys();
        }
        driver.navigate().refresh();
        click(By.cssSelector("a[data-route='ext/surveys/reports']"));
        visible(By.id("report-csat"));
    }

    // ---- set-up over REST ----

    /** A questionnaire with one question of every kind. */
    private static long questionnaire(String code) {
        return expect(201, server.post("/api/v1/surveys/questionnaires", adminToken, json("code", code,
            "name", json("fa", "نظرسنجی پس از خرید", "en", "After the visit"), "questions", List.of(
                json("code", "overall", "kind", "SCALE", "text", json("fa", "چقدر راضی بودید؟", "en", "How satisfied were you?")),
                json("code", "recommend", "kind", "NPS", "text", json("fa", "چقدر ما را پیشنهاد می‌کنید؟", "en", "How likely are you to recommend us?")),
                json("code", "visit", "kind", "SINGLE_CHOICE", "required", false, "text", json("en", "What did you come for?"),
                    "choices", List.of(json("code", "shoes", "text", json("fa", "کفش", "en", "Shoes")),
                        json("code", "bags", "text", json("fa", "کیف", "en", "Bags")))),
                json("code", "liked", "kind", "MULTIPLE_CHOICE", "required", false, "text", json("en", "What did you like?"),
                    "choices", List.of(json("code", "staff", "text", json("fa", "کارکنان", "en", "The staff")),
                        json("code", "price", "text", json("en", "The prices")), json("code", "clean", "text", json("en", "Cleanliness")))),
                json("code", "again", "kind", "YES_NO", "required", false, "text", json("fa", "دوباره می‌آیید؟", "en", "Will you come again?")),
                json("code", "comment", "kind", "TEXT", "required", false, "text", json("fa", "نکتهٔ دیگر؟", "en", "Anything else?")))))).body()
            .path("id").asLong();
    }

    private static long questionnaireId(String code) {
        for (JsonNode q : expect(200, server.get("/api/v1/surveys/questionnaires", adminToken)).body()) {
            if (q.path("code").asText().equals(code)) return q.path("id").asLong();
        }
        throw new AssertionError("no questionnaire " + code);
    }

    /** A campaign of the branch: calls due at once, call hours from an hour ago to three hours from now. */
    private static long campaign(String name, long questionnaire, String branch) {
        Instant now = Instant.now();
        return expect(201, server.post("/api/v1/surveys/campaigns", adminToken, json("name", name,
            "questionnaire", questionnaire, "branches", List.of(branch), "delayHours", 0, "minDaysBetweenCalls", 0,
            "callFrom", LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZONE).format(HH_MM),
            "callUntil", LocalTime.ofInstant(now.plus(Duration.ofHours(3)), ZONE).format(HH_MM)))).body().path("id").asLong();
    }

    /**
     * Once the purchase events have put the campaign's {@code calls} calls in it, the queue run as of a minute from
     * now: they are due and in call hours, so they become callable.
     */
    private static void run(long campaign, int calls) {
        await("calls pending").atMost(READY).pollInterval(Duration.ofMillis(300)).until(() -> expect(200,
            server.get("/api/v1/surveys/calls?campaign=" + campaign + "&status=PENDING", adminToken)).body().size() == calls);
        String asOf = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString();
        expect(200, server.post("/api/v1/surveys/campaigns/" + campaign + "/run", adminToken, json("asOf", asOf)));
        assertEquals(calls, expect(200, server.get("/api/v1/surveys/calls?campaign=" + campaign + "&status=QUEUED",
            adminToken)).body().size());
    }

    private static String user(String name, String role, String branch) {
        expect(201, server.post("/api/v1/users", adminToken, json("user", name, "password", PASSWORD, "role", role,
            "branch", branch)));
        return expect(200, server.login(name, PASSWORD)).text("token");
    }

    private static String member(String phone, String name, String branch) {
        return expect(201, server.post("/api/v1/members", adminToken, json("phone", phone, "name", name,
            "branch", branch))).text("id");
    }

    /** A purchase {@code hoursAgo} hours ago; the purchase event queues its call. */
    private static void buy(String phone, String branch, long amount, String group, int hoursAgo) {
        String at = Instant.now().minus(Duration.ofHours(hoursAgo)).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString();
        expect(201, server.post("/api/v1/purchases", adminToken, json("idempotencyKey", "sc-" + phone + "-" + at,
            "member", phone, "branch", branch, "at", at, "amount", amount,
            "lines", List.of(json("productGroup", group, "amount", amount)))));
    }

    /** The operator claims the next call over REST and answers the scale, NPS and comment questions. */
    private static void answer(String operator, int scale, int nps, String comment) {
        JsonNode screen = expect(201, server.post("/api/v1/surveys/queue/claim", operator, json())).body();
        Map<String, Long> ids = new HashMap<>();
        screen.path("questionnaire").path("questions").forEach(q -> ids.put(q.path("code").asText(), q.path("id").asLong()));
        expect(201, server.post("/api/v1/surveys/claims/" + screen.path("claim").asLong() + "/outcome", operator,
            json("outcome", "ANSWERED", "answers", List.of(json("question", ids.get("overall"), "score", scale),
                json("question", ids.get("recommend"), "score", nps), json("question", ids.get("comment"), "text", comment)))));
    }

    private static long points(String member) {
        return expect(200, server.get("/api/v1/members/" + member + "/balances", adminToken)).body().path("points").asLong();
    }

    private static void installSurveys() throws Exception {
        features("installFeature", "bashgah-surveys");
        awaitExtensions(ids -> ids.contains("surveys"));
        await("surveys' REST resources").atMost(READY)
            .until(() -> server.get("/api/v1/surveys/campaigns", adminToken).status() == 200);
    }

    // ---- browser helpers ----

    private void login(String user) {
        login(user, PASSWORD);
    }

    /** Ticks the answer {@code value} of the question (a radio button or a check box). */
    private void choose(String question, String value) {
        click(By.cssSelector("li[data-question='" + question + "'] input[value='" + value + "']"));
    }
}

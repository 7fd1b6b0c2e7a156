package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.bashgah.itests.RunningDistribution.READY;
import static org.bashgah.itests.RunningDistribution.expect;
import static org.bashgah.itests.RunningDistribution.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bashgah.itests.RunningDistribution.Answer;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) against the
 * assembled distribution, started as a process the way {@link DistributionIT} starts it, on its own ports (HTTP
 * 19481, SSH 19401, RMI 11499/44845). The server boots without bashgah-offers; the test installs and removes it
 * on the running server through Karaf's management interface (JMX). Screenshots of the main screens in both languages go to {@code target/screenshots/}.
 *
 * <p>Without Chromium this test fails; {@code -Dbashgah.console.browser=skip} is the explicit way to skip it.
 */
public class ConsoleIT extends BrowserTestSupport {
    private static final String ADMIN_PASSWORD = "console-it-Pa55word-admin";
    private static final String SHELL_PASSWORD = "console-it-Pa55word-shell";
    private static final String MANAGER_PASSWORD = "console-it-Pa55word-bm1";
    private static final int SSH_PORT = 19401;
    private static final int RMI_REGISTRY_PORT = 11499;
    private static final int RMI_SERVER_PORT = 44845;

    private static String adminToken;

    @BeforeClass
    public static void startServer() throws Exception {
        unpackServer(ConsoleIT.class, "console-it", "console", 19481, SSH_PORT, RMI_REGISTRY_PORT, RMI_SERVER_PORT, SHELL_PASSWORD);
        server.withoutBootFeature("bashgah-offers");
        server.start(Map.of("BASHGAH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        adminToken = server.awaitLogin("admin", ADMIN_PASSWORD);
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-1", "name", "Tehran Vanak")));
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-2", "name", "Tehran Tajrish")));
        expect(201, server.post("/api/v1/users", adminToken,
            json("user", "bm1", "password", MANAGER_PASSWORD, "role", "branch-manager", "branch", "tehran-1")));
    }

    // ---- the scenarios ----

    @Test
    public void aWrongPasswordIsRefusedTheRightOneEntersLogoutAndExpiryLeadBackToLogin() throws Exception {
        open("");
        english();
        screenshot("login-en");
        type(By.id("login-user"), "admin");
        type(By.id("login-password"), "not-the-password");
        click(By.id("login-submit"));
        WebElement refusal = visible(By.cssSelector("#login-message [data-status='401']"));
        assertEquals("The user name or password is wrong.", refusal.getText());

        type(By.id("login-password"), ADMIN_PASSWORD);
        click(By.id("login-submit"));
        assertEquals("admin", visible(By.id("who-user")).getText());
        assertTrue("a chain admin sees the administration", present(By.cssSelector("a[data-route='admin/users']")));

        click(By.id("logout"));
        visible(By.id("login-user"));
        assertTrue(visible(By.id("login-message")).getText().contains("You have logged out."));

        login("admin", ADMIN_PASSWORD);
        // a token the server no longer knows, as after expiry: the next call answers 401 and the console asks again
        js("sessionStorage.setItem('bashgah.token', 'expired-or-revoked')");
        open("#/admin/audit");
        visible(By.id("login-user"));
        assertTrue(visible(By.id("login-message")).getText().contains("Your session has ended"));
    }

    @Test
    public void theCashierJoinsAMemberPostsAPurchaseWithALineAndARedemptionAndSeesTheBalances() throws Exception {
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        new Select(visible(By.id("cashier-branch"))).selectByValue("tehran-1");
        type(By.id("cashier-phone"), "09121110001");
        click(By.id("cashier-find"));
        assertTrue(visible(By.cssSelector("#join-form h2")).getText().contains("No member has 09121110001"));
        type(By.id("join-name"), "Ali Rezaei");
        click(By.id("join-submit"));
        assertEquals("Ali Rezaei", visible(By.id("member-name")).getText());
        String memberId = expect(200, server.get("/api/v1/members?phone=09121110001", adminToken)).body().get(0).path("id").asText();
        // joining earns 100 points (the credit policy's signupPoints), posted after the join's commit
        await("signup points").atMost(READY).until(() ->
            server.get("/api/v1/members/" + memberId + "/balances", adminToken).body().path("points").asLong() == 100);

        // 600,000 of shoes: 5% shared credit (30,000) and one point per 10,000 (60)
        type(By.id("purchase-amount"), "600000");
        click(By.id("add-line"));
        type(By.cssSelector("#purchase-lines .line:last-child .line-group"), "shoes");
        type(By.cssSelector("#purchase-lines .line:last-child .line-amount"), "600000");
        click(By.id("post-purchase"));
        visible(By.cssSelector("#purchase-result [data-purchase]"));
        assertAmount("res-payable", 600000);
        assertAmount("earned-shared", 30000);
        assertAmount("earned-points", 60);
        assertAmount("bal-shared", 30000);
        assertAmount("bal-points", 160);

        // 200,000 of bags, 10,000 of it paid from shared credit: pays 190,000, earns 9,500 and 19 points on it
        click(By.id("add-line"));
        type(By.cssSelector("#purchase-lines .line:last-child .line-group"), "bags");
        type(By.cssSelector("#purchase-lines .line:last-child .line-amount"), "200,000");
        type(By.id("redeem-shared"), "10000");
        click(By.id("post-purchase"));
        wait.until(d -> "190000".equals(d.findElement(By.id("res-payable")).getAttribute("data-value")));
        assertAmount("res-amount", 200000);
        assertAmount("res-redeemed", 10000);
        assertAmount("earned-shared", 9500);
        assertAmount("earned-points", 19);
        assertAmount("bal-shared", 29500);
        assertAmount("bal-points", 179);
        assertEquals("30,000 + 9,500 − 10,000", "29,500", driver.findElement(By.id("bal-shared")).getText());
        JsonNode balances = expect(200, server.get("/api/v1/members/" + memberId + "/balances", adminToken)).body();
        assertEquals(29500, balances.path("sharedCredit").asLong());
        assertEquals(179, balances.path("points").asLong());
        screenshot("cashier-en");

        // the same screen in Persian: right to left, Persian digits with separators
        persian();
        visible(By.id("cashier-phone"));
        type(By.id("cashier-phone"), "۰۹۱۲۱۱۱۰۰۰۱");   // typed in Persian digits
        click(By.id("cashier-find"));
        wait.until(d -> "29500".equals(d.findElement(By.id("bal-shared")).getAttribute("data-value")));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("۲۹٬۵۰۰", driver.findElement(By.id("bal-shared")).getText());
        assertEquals("۱۷۹", driver.findElement(By.id("bal-points")).getText());
        type(By.id("purchase-amount"), "۱۰۰٬۰۰۰");
        click(By.id("post-purchase"));
        wait.until(d -> "100000".equals(d.findElement(By.id("res-payable")).getAttribute("data-value")));
        assertAmount("earned-shared", 5000);
        assertEquals("۵٬۰۰۰", driver.findElement(By.id("earned-shared")).getText());
        screenshot("cashier-fa");

        // refund the last purchase: what it earned is taken back, the cash is given back
        click(By.id("refund"));
        click(By.id("refund"));
        visible(By.id("refund-done"));
        assertAmount("refund-cash", 100000);
        wait.until(d -> "29500".equals(d.findElement(By.id("bal-shared")).getAttribute("data-value")));
        assertAmount("bal-points", 179);
    }

    @Test
    public void aBranchManagerIsRefusedAnotherBranch() throws Exception {
        open("");
        english();
        login("bm1", MANAGER_PASSWORD);
        assertEquals("tehran-1", visible(By.id("who-branch")).getText());
        assertFalse("a branch user has no chain-wide pages", present(By.cssSelector("a[data-ext='credit']")));
        click(By.cssSelector("a[data-route='admin/branches']"));
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#branches tbody tr"), 0));
        assertEquals("only its own branch is listed", 1, rows.size());
        assertEquals("tehran-1", rows.get(0).getAttribute("data-branch"));

        open("#/admin/branches/tehran-2");
        WebElement refusal = visible(By.cssSelector(".problem[data-status='403']"));
        assertTrue(refusal.getText(), refusal.getText().startsWith("Not allowed"));
        screenshot("refused-en");
        String token = (String) js("return sessionStorage.getItem('bashgah.token')");
        expect(403, server.get("/api/v1/branches/tehran-2", token));

        // the cashier screen is fixed to its branch
        click(By.cssSelector("a[data-route='cashier']"));
        assertEquals("tehran-1", visible(By.id("cashier-branch")).getText());
    }

    @Test
    public void theOffersPagesComeWithTheFeatureAndGoWithIt() throws Exception {
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        assertTrue(present(By.cssSelector("a[data-ext='credit']")));
        assertFalse("booted without offers", present(By.cssSelector("a[data-ext='offers']")));

        features("installFeature", "bashgah-offers");
        awaitExtensions(ids -> ids.contains("offers"));
        await("offers' REST resources").atMost(READY).until(() -> server.get("/api/v1/offers", adminToken).status() == 200);
        driver.navigate().refresh();
        click(By.cssSelector("a[data-route='ext/offers/offers']"));
        click(By.id("offer-new"));
        WebElement definition = visible(By.id("offer-json"));
        definition.clear();
        definition.sendKeys("{\"name\": \"20% credit over 600k\", \"kind\": \"PERMANENT\", "
            + "\"trigger\": {\"amountOver\": 600000}, \"reward\": {\"extraCreditPercent\": 10}}");
        click(By.id("offer-simulate"));
        visible(By.id("sim-replayed"));
        assertFalse("a product group without a margin is warned about",
            driver.findElements(By.cssSelector("#sim-warnings li")).isEmpty());
        screenshot("offer-simulation-en");
        click(By.id("offer-activate"));
        visible(By.id("offer-activated"));
        assertEquals("Status: Active", driver.findElement(By.id("offer-status")).getText());

        features("uninstallFeature", "bashgah-offers");
        awaitExtensions(ids -> !ids.contains("offers"));
        await("offers' REST resources gone").atMost(READY).until(() -> server.get("/api/v1/offers", adminToken).status() == 404);
        driver.navigate().refresh();
        visible(By.id("page"));
        assertTrue(present(By.cssSelector("a[data-ext='credit']")));
        assertFalse("the offers menu item is gone", present(By.cssSelector("a[data-ext='offers']")));
        assertEquals("404", visible(By.cssSelector(".problem")).getAttribute("data-status"));
        click(By.cssSelector("a[data-route='cashier']"));
        visible(By.id("cashier-phone"));
    }

    @Test
    public void thePartnersPageShowsAnAgreementFromOurSideAndApprovesIt() throws Exception {
        // another organisation of the server and an agreement proposed to it, over REST
        String partner = "cosmetics-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        expect(201, server.post("/api/v1/organisations", adminToken, json("code", partner, "name", "Cosmetics shop",
            "admin", json("user", partner + "-admin", "password", "partner-password-1"))));
        expect(201, server.post("/api/v1/partners/agreements", adminToken, json("partner", partner,
            "name", "Salon and cosmetics", "validFrom", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
            "ours", json("discountPercent", 15, "discountProductGroup", "colour"), "theirs", json("creditPercent", 10))));
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        click(By.cssSelector("a[data-route='ext/partners/agreements']"));
        WebElement list = visible(By.id("partners-list"));
        assertTrue(list.getText(), list.getText().contains("Salon and cosmetics") && list.getText().contains("Cosmetics shop")
            && list.getText().contains("Proposed") && list.getText().contains("10% partner credit"));
        click(By.cssSelector("#partners-list button.approve"));
        await("approved").atMost(READY).until(() -> driver.findElements(By.cssSelector("#partners-list button.approve"))
            .isEmpty());
        assertEquals(1, server.get("/api/v1/partners/agreements", adminToken).body().size());
        assertTrue(server.get("/api/v1/partners/agreements", adminToken).body().get(0).path("approvedByUsAt").isTextual());
        screenshot("partners-en");
    }

    @Test
    public void theExampleVendorBundleAddsItsPageWhenDeployedAndRemovesItWhenDeleted() throws Exception {
        Path jar = Paths.get(System.getProperty("bashgah.vendorBundle"));
        Path deployed = server.home.resolve("deploy").resolve(jar.getFileName());
        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        try {
            awaitExtensions(ids -> ids.contains("birthday-bonus"));
            open("");
            login("admin", ADMIN_PASSWORD);
            click(By.cssSelector("a[data-route='ext/birthday-bonus/birthdays']"));
            assertEquals("جایزهٔ تولد", visible(By.cssSelector("#page h1")).getText());
            english();
            assertEquals("Birthday bonus", visible(By.cssSelector("#page h1")).getText());
        } finally {
            Files.delete(deployed);
        }
        awaitExtensions(ids -> !ids.contains("birthday-bonus"));
        driver.navigate().refresh();
        visible(By.id("page"));
        assertFalse(present(By.cssSelector("a[data-ext='birthday-bonus']")));
    }

    @Test
    public void persianIsRightToLeftWithJalaliDatesAndEnglishIsLeftToRight() throws Exception {
        String id = expect(201, server.post("/api/v1/members", adminToken,
            json("phone", "09121110002", "name", "Sara", "branch", "tehran-1"))).text("id");
        open("");
        assertEquals("the chain's default language", "fa", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        screenshot("login-fa");
        login("admin", ADMIN_PASSWORD);
        assertEquals("صندوق", visible(By.cssSelector("a[data-route='cashier']")).getText());
        screenshot("home-fa");

        open("#/members/" + id);
        WebElement joined = visible(By.id("member-joined"));
        assertTrue("Persian digits: " + joined.getText(), PERSIAN_DIGITS.matcher(joined.getText()).find());
        assertTrue("a Jalali year (14xx): " + joined.getText(), joined.getText().contains("۱۴۰"));
        visible(By.cssSelector("#ledger tbody tr"));
        screenshot("member-fa");
        open("#/admin/branches");
        visible(By.cssSelector("#branches tbody tr"));
        screenshot("branches-fa");
        open("#/ext/credit/policy");
        visible(By.id("policy-branch"));
        screenshot("credit-policy-fa");

        open("#/members/" + id);
        english();
        WebElement joinedEn = visible(By.id("member-joined"));
        assertEquals("ltr", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue("a Gregorian year: " + joinedEn.getText(), Pattern.compile("20\\d\\d").matcher(joinedEn.getText()).find());
        assertFalse(PERSIAN_DIGITS.matcher(joinedEn.getText()).find());
        screenshot("member-en");
        open("#/admin/branches");
        visible(By.cssSelector("#branches tbody tr"));
        screenshot("branches-en");
        open("#/admin/audit");
        visible(By.cssSelector("#audit tbody tr"));
        screenshot("audit-en");

        // a phone's width: the menu becomes a bar above the page, nothing needs sideways scrolling
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("#/cashier");
        visible(By.id("cashier-phone"));
        Number scroll = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals("no sideways scrolling on a phone", 0, scroll.intValue());
        screenshot("cashier-phone-en");

        // the same in Persian, right to left, in the Vazirmatn the server serves (not a font of the device)
        persian();
        visible(By.id("cashier-phone"));
        type(By.id("cashier-phone"), "09121110002");
        click(By.id("cashier-find"));
        visible(By.id("bal-points"));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        scroll = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals("no sideways scrolling on a phone in Persian", 0, scroll.intValue());
        WebElement menu = driver.findElement(By.cssSelector("nav.menu"));
        WebElement page = driver.findElement(By.id("page"));
        assertTrue("the menu is a bar above the page", menu.getRect().getY() + menu.getRect().getHeight() <= page.getRect().getY());
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Vazirmatn' && f.status === 'loaded')")));
        assertTrue("the font is drawn: " + js("return getComputedStyle(document.body).fontFamily"),
            (Boolean) js("return document.fonts.check('16px Vazirmatn', 'باشگاه')"));
        Answer font = server.get("/console/fonts/vazirmatn/Vazirmatn-Variable.woff2", null);
        assertEquals(200, font.status());
        assertEquals("font/woff2", font.contentType());
        screenshot("cashier-phone-fa");
    }

    @Test
    public void inPersianABirthDateIsTypedAsAJalaliDayAndARefusedFieldIsNamedInPersian() throws Exception {
        open("");
        login("admin", ADMIN_PASSWORD);
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        new Select(visible(By.id("cashier-branch"))).selectByValue("tehran-1");
        type(By.id("cashier-phone"), "09121110005");
        click(By.id("cashier-find"));
        type(By.id("join-name"), "مریم");
        // 30 Esfand 1404 is no day (1404 is a common year): the API refuses it, and the console names the field in Persian
        type(By.cssSelector("#join-birth .jd-day"), "۳۰");
        new Select(visible(By.cssSelector("#join-birth .jd-month"))).selectByValue("12");
        type(By.cssSelector("#join-birth .jd-year"), "۱۴۰۴");
        click(By.id("join-submit"));
        WebElement refused = visible(By.cssSelector("#join-form .problem[data-status='400'] li[data-field='birthDate']"));
        assertTrue(refused.getText(), refused.getText().startsWith("تاریخ تولد: این مقدار پذیرفته نیست"));
        assertEquals("the server's words are the second line", "en",
            refused.findElement(By.cssSelector(".server-text")).getAttribute("lang"));
        assertEquals("nothing was written", 0, server.get("/api/v1/members?phone=09121110005", adminToken).body().size());
        screenshot("join-refused-fa");

        // 11 Ordibehesht 1369 is 1 May 1990
        type(By.cssSelector("#join-birth .jd-day"), "۱۱");
        new Select(driver.findElement(By.cssSelector("#join-birth .jd-month"))).selectByValue("2");
        type(By.cssSelector("#join-birth .jd-year"), "۱۳۶۹");
        assertEquals("1990-05-01", visible(By.cssSelector("#join-birth .jd-gregorian")).getText());
        click(By.id("join-submit"));
        assertEquals("مریم", visible(By.id("member-name")).getText());
        JsonNode member = expect(200, server.get("/api/v1/members?phone=09121110005", adminToken)).body().get(0);
        assertEquals("1990-05-01", member.path("birthDate").asText());
        assertTrue("the next 30 days, said on screen: " + visible(By.cssSelector("#waiting h3")).getText(),
            driver.findElement(By.cssSelector("#waiting h3")).getText().contains("۳۰"));

        open("#/members/" + member.path("id").asText());
        String shown = visible(By.id("member-birth")).getText();
        assertTrue("the Jalali day again: " + shown, shown.contains("۱۳۶۹") && shown.contains("اردیبهشت") && shown.contains("۱۱"));
        assertEquals("a tier by its Persian name", "برنزی", visible(By.id("member-tier")).getText());
    }

    @Test
    public void aUserChangesTheirPasswordAndLogsInWithTheNewOneOnly() throws Exception {
        String oldPassword = "console-it-old-Pa55word";
        String newPassword = "console-it-new-Pa55word";
        expect(201, server.post("/api/v1/users", adminToken,
            json("user", "op-pw", "password", oldPassword, "role", "operator", "branch", "tehran-1")));
        open("");
        english();
        login("op-pw", oldPassword);
        click(By.id("password-link"));
        type(By.id("pw-current"), oldPassword);
        type(By.id("pw-new"), newPassword);
        type(By.id("pw-again"), newPassword + "x");
        click(By.id("pw-submit"));
        assertEquals("The two new passwords differ.", visible(By.cssSelector("#pw-message .problem")).getText());
        type(By.id("pw-again"), newPassword);
        screenshot("password-en");
        click(By.id("pw-submit"));
        // every session of the user ends: the console asks to log in again
        visible(By.id("login-user"));
        assertEquals(401, server.post("/api/v1/auth/token", null, json("user", "op-pw", "password", oldPassword)).status());
        type(By.id("login-user"), "op-pw");
        type(By.id("login-password"), oldPassword);
        click(By.id("login-submit"));
        assertEquals("The user name or password is wrong.",
            visible(By.cssSelector("#login-message [data-status='401']")).getText());
        login("op-pw", newPassword);
        assertEquals("op-pw", visible(By.id("who-user")).getText());
    }

    @Test
    public void anApiKeyIsShownOnceAndWorksForTheRestApi() throws Exception {
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        click(By.cssSelector("a[data-route='admin/keys']"));
        type(By.id("key-name"), "pos-console-it");
        new Select(visible(By.id("key-branch"))).selectByValue("tehran-1");
        click(By.cssSelector("#page form button[type='submit']"));
        String key = visible(By.id("key-value")).getText();
        assertTrue(visible(By.id("key-once")).getText().contains("it is shown only once"));
        screenshot("api-key-once-en");
        // the key is a point-of-sale's credential of its branch
        expect(200, server.get("/api/v1/branches/tehran-1", key));
        expect(403, server.get("/api/v1/branches/tehran-2", key));

        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("keys")).getText().contains("pos-console-it"));
        assertFalse("shown once: not after the page is read again", present(By.id("key-once")));
        assertFalse(driver.getPageSource().contains(key));
        for (JsonNode k : expect(200, server.get("/api/v1/api-keys", adminToken)).body()) {
            assertFalse("the API never shows a key again", k.toString().contains(key));
        }
    }

    @Test
    public void aOneTimeOfferIsFollowedUntilItsRunIsDoneShowsItsPerformanceAndIsNamedAtTheTill() throws Exception {
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-3", "name", "Tehran Pasdaran")));
        String memberId = expect(201, server.post("/api/v1/members", adminToken,
            json("phone", "09121110033", "name", "Reza", "branch", "tehran-3"))).text("id");
        expect(201, server.post("/api/v1/purchases", adminToken, json("idempotencyKey", "console-it-ot-1",
            "member", memberId, "branch", "tehran-3", "amount", 700000)));
        features("installFeature", "bashgah-offers");
        try {
            awaitExtensions(ids -> ids.contains("offers"));
            await("offers' REST resources").atMost(READY).until(() -> server.get("/api/v1/offers", adminToken).status() == 200);
            String oneTime = expect(201, server.post("/api/v1/offers", adminToken, json("name", "Come back: 10% more",
                "kind", "ONE_TIME", "branches", List.of("tehran-3"), "audience", json("visited", List.of("tehran-3")),
                "trigger", json("amountOver", 300000, "withinDays", 14), "reward", json("extraCreditPercent", 10),
                "targeting", json("controlPercent", 0)))).text("id");
            expect(200, server.post("/api/v1/offers/" + oneTime + "/activate", adminToken, json("acceptLoss", true)));
            String draft = expect(201, server.post("/api/v1/offers", adminToken, json("name", "Shoes over 600k",
                "kind", "PERMANENT", "branches", List.of("tehran-3"), "trigger", json("amountOver", 600000),
                "reward", json("extraCreditPercent", 10)))).text("id");

            open("");
            login("admin", ADMIN_PASSWORD);   // Persian, the chain's default
            // the simulation's warnings in Persian, from their codes
            open("#/ext/offers/offers/" + draft);
            click(By.id("offer-simulate"));
            WebElement noMargin = visible(By.cssSelector("#sim-warnings li[data-code='NO_MARGIN']"));
            assertTrue(noMargin.getText(), noMargin.getText().contains("بدون گروه کالا"));
            for (WebElement w : driver.findElements(By.cssSelector("#sim-warnings li"))) {
                assertTrue("a Persian sentence: " + w.getText(), w.getText().matches("^[^A-Za-z]+.*"));
            }
            screenshot("offer-simulation-fa", By.id("simulation"));

            open("#/ext/offers/offers/" + oneTime);
            click(By.id("run-targeting"));
            // the page reads the run again by itself until it is done: no reload here
            WebElement done = visible(By.cssSelector("#runs .run-status[data-status='DONE']"));
            assertEquals("انجام شد", done.getText());
            wait.until(d -> !present(By.id("runs-polling")));
            assertEquals(1, expect(200, server.get("/api/v1/offers/" + oneTime + "/targeting-runs", adminToken)).body()
                .get(0).path("targeted").asLong());
            wait.until(d -> "1".equals(d.findElement(By.id("perf-granted")).getAttribute("data-value")));
            assertAmount("perf-held-out", 0);
            assertAmount("perf-spent", 0);
            assertEquals("۰٪", driver.findElement(By.id("perf-uptake")).getText());
            assertTrue(visible(By.id("perf-groups")).getText().contains("هدف"));
            screenshot("offer-one-time-fa", By.id("offer-extra"));

            // the till names the offer that waits for the member
            open("#/cashier");
            new Select(visible(By.id("cashier-branch"))).selectByValue("tehran-3");
            type(By.id("cashier-phone"), "09121110033");
            click(By.id("cashier-find"));
            WebElement waiting = visible(By.cssSelector("#member-offers li[data-offer='" + oneTime + "']"));
            assertTrue(waiting.getText(), waiting.getText().startsWith("Come back: 10% more"));
            screenshot("cashier-offer-waiting-fa", By.id("cashier-member"));
        } finally {
            features("uninstallFeature", "bashgah-offers");
            awaitExtensions(ids -> !ids.contains("offers"));
        }
    }
}

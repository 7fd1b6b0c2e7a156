package org.bashgah.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The reports dashboard (bashgah-reports' console pages) and the members page's tags and purchase history, in a real
 * headless Chromium against the assembled distribution started as a process, as {@link ConsoleIT} does (its own
 * copy, on ports 18681, 18601, 11699 and 45045 plus {@code -Dbashgah.itest.portOffset}). It boots without
 * bashgah-reports and installs it on the running server through Karaf's management interface (JMX), so one test can
 * remove it and bring it back.
 *
 * <p>The dashboard's chain is {@link ReportsIT}'s, in an organisation of its own (Persian calendar, Tehran), so its
 * right answers are worked out there by hand: branches north and south, 10% branch credit, a point per 10,000;
 * everyone joins today; the purchases are dated back:
 *
 * <pre>
 * member  joined  purchases (days ago, branch, amount)              visits  spend      last  points
 * A       north   0 5 10 20 30 40 at north, 500,000 each                6  3,000,000     0     300
 * B       north   2 15 60 at north, 200,000                             3    600,000     2      60
 * C       north   3 at north, 100,000                                   1    100,000     3      10
 * D       north   100 110 120 130 at north, 300,000                     4  1,200,000   100     120
 * E       north   200 at north, 50,000                                  1     50,000   200       5
 * F       south   0 30 at south, 400,000                                2    800,000     0      80
 * G       south   4 8 12 16 20 at south, 100,000                        5    500,000     4      50
 * H       south   7 at NORTH, 250,000                                   1    250,000     7      25
 * I       north   never                                                 0          0     -       0
 * </pre>
 *
 * The members-page and form tests work in the server's first organisation (its default credit policy: 5% shared credit, a
 * point per 10,000, 100 points for joining), so they never touch the dashboard's numbers.
 */
public class ConsoleReportsIT extends BrowserTestSupport {
    private static final String ADMIN_PASSWORD = "console-reports-it-Pa55word";
    private static final String CHAIN_PASSWORD = "console-reports-chain-Pa55";
    private static final String SHELL_PASSWORD = "console-reports-it-Pa55word-shell";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private static String adminToken;
    private static String chainUser;
    private static String chainToken;
    private static final Map<String, String> MEMBERS = new LinkedHashMap<>();
    private static Path downloads;

    @BeforeClass
    public static void startServerAndMakeTheChain() throws Exception {
        // with an administrator for Karaf's management (JMX), to install and remove bashgah-reports on the running server
        unpackServer(ConsoleReportsIT.class, "console-reports-it", "console", 18681, 18601, 11699, 45045, SHELL_PASSWORD);
        downloads = server.home.resolveSibling("downloads");
        Files.createDirectories(downloads);
        server.withoutBootFeature("bashgah-reports");
        server.start(Map.of("BASHGAH_ADMIN_PASSWORD", ADMIN_PASSWORD));
        adminToken = server.awaitLogin("admin", ADMIN_PASSWORD);
        installReports();
        expect(201, server.post("/api/v1/branches", adminToken, json("code", "tehran-1", "name", "Tehran Vanak")));
        makeTheChain();
    }

    /** Downloads (CSV exports) go to a directory of the test's own, without asking. */
    @Override
    protected void configure(ChromeOptions options) {
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
            "download.prompt_for_download", false));
    }

    // ---- the chain ----

    private static String at(int daysAgo) {
        return OffsetDateTime.now(ZoneOffset.ofHoursMinutes(3, 30)).minusDays(daysAgo).withNano(0).toString();
    }

    private static LocalDate today() {
        return LocalDate.now(TEHRAN);
    }

    private static void makeTheChain() {
        String code = "dash" + UUID.randomUUID().toString().substring(0, 6);
        chainUser = code + "-admin";
        expect(201, server.post("/api/v1/organisations", adminToken, json("code", code, "name", "Chain " + code,
            "currency", "IRR", "timeZone", "Asia/Tehran", "calendar", "persian",
            "admin", json("user", chainUser, "password", CHAIN_PASSWORD))));
        chainToken = server.awaitLogin(chainUser, CHAIN_PASSWORD);
        expect(200, server.put("/api/v1/credit/policy", chainToken, json("creditPercent", 10, "creditTo", "BRANCH",
            "amountPerPoint", 10000, "creditExpiryDays", 365, "pointsExpiryDays", 0, "signupPoints", 0,
            "referralPoints", 0)));
        expect(201, server.post("/api/v1/branches", chainToken, json("code", "north", "name", "شمال")));
        expect(201, server.post("/api/v1/branches", chainToken, json("code", "south", "name", "جنوب")));
        String[][] people = {{"A", "north", "علی رضایی"}, {"B", "north", "مریم احمدی"}, {"C", "north", "رضا کریمی"},
            {"D", "north", "زهرا حسینی"}, {"E", "north", "حسن موسوی"}, {"F", "south", "سارا محمدی"},
            {"G", "south", "نرگس صادقی"}, {"H", "south", "امیر جعفری"}, {"I", "north", "لیلا نوری"}};
        int n = 0;
        for (String[] p : people) {
            String phone = "0912200" + String.format("%04d", ++n);
            MEMBERS.put(p[0], expect(201, server.post("/api/v1/members", chainToken, json("phone", phone, "name", p[2],
                "branch", p[1]))).text("id"));
        }
        buy("A", "north", 500_000, 0, 5, 10, 20, 30, 40);
        buy("B", "north", 200_000, 2, 15, 60);
        buy("C", "north", 100_000, 3);
        buy("D", "north", 300_000, 100, 110, 120, 130);
        buy("E", "north", 50_000, 200);
        buy("F", "south", 400_000, 0, 30);
        buy("G", "south", 100_000, 4, 8, 12, 16, 20);
        buy("H", "north", 250_000, 7);
    }

    private static void buy(String letter, String branch, long amount, int... daysAgo) {
        for (int d : daysAgo) {
            expect(201, server.post("/api/v1/purchases", chainToken, json("idempotencyKey", "dash-" + UUID.randomUUID(),
                "member", MEMBERS.get(letter), "branch", branch, "amount", amount, "at", at(d),
                "lines", List.of(json("productGroup", "shoes", "amount", amount)))));
        }
    }

    // ---- the dashboard ----

    @Test
    public void theDashboardShowsTheChainsNumbersAndItsChartsAndGridDrillDownToTheMembers() throws Exception {
        openDashboard();
        // sales of the last eleven days (A 0 5 10, B 2, C 3, F 0, G 4 8, H 7), every one a member's purchase
        assertAmount("kpi-sales-amount", 2_650_000);
        assertAmount("kpi-sales-purchases", 9);
        assertAmount("kpi-sales-members", 6);
        assertAmount("kpi-sales-basket", 294_444);
        assertEquals("2,650,000", text("kpi-sales-amount"));
        assertAmount("kpi-basket-first", 175_000);     // C's and H's first visits
        assertAmount("kpi-basket-repeat", 328_571);
        assertAmount("kpi-joined", 9);
        assertAmount("kpi-members-end", 9);
        assertEquals("6 of 9 members bought", "66.66", attribute("kpi-engaged", "data-value"));
        // the sales chart draws the eleven days; today A and F bought 900,000
        List<?> salesBars = (List<?>) js("return document.getElementById('chart-sales').chart.getOption().series[0].data");
        assertEquals(11, salesBars.size());
        assertEquals(900_000L, ((Number) salesBars.get(10)).longValue());
        assertEquals(2_650_000L, salesBars.stream().mapToLong(v -> ((Number) v).longValue()).sum());

        // snapshots: D (100 days) and E (200 days) churned, I never bought
        assertAmount("kpi-churned", 2);
        assertAmount("kpi-active", 6);
        assertAmount("kpi-never", 1);
        assertEquals("25", attribute("kpi-churn-percent", "data-value").replaceAll("\\.0+$", ""));
        assertAmount("kpi-clv-total", 6_500_000);
        assertAmount("kpi-clv-median", 550_000);
        assertAmount("kpi-points-total", 650);
        assertAmount("kpi-points-holders", 8);
        // points bands 0 (I), 1-99 (B C E F G H), 100-499 (A D): drawn as bars labelled with their counts
        List<?> pointBars = (List<?>) js("return document.getElementById('chart-points').chart.getOption().series[0].data");
        assertEquals(List.of(1L, 6L, 2L), pointBars.subList(0, 3).stream().map(v -> ((Number) v).longValue()).toList());
        String drawn = driver.findElement(By.cssSelector("#chart-points svg")).getAttribute("textContent");
        assertTrue("the bars' labels are drawn: " + drawn, drawn.contains("6") && drawn.contains("2"));
        // credit liability: 10% of what was bought at each branch (north 5,200,000, south 1,300,000)
        assertEquals("520000", driver.findElement(By.cssSelector("#liability-accounts tr[data-account='BRANCH_CREDIT:north'] .outstanding"))
            .getAttribute("data-value"));
        assertEquals("130000", driver.findElement(By.cssSelector("#liability-accounts tr[data-account='BRANCH_CREDIT:south'] .outstanding"))
            .getAttribute("data-value"));
        // the leaderboard over the same eleven days: north 2,050,000 (H bought there too), south 600,000
        assertEquals("2050000", driver.findElement(By.cssSelector("#leaderboard-table tr[data-branch='north'] .sales")).getAttribute("data-value"));
        assertEquals("600000", driver.findElement(By.cssSelector("#leaderboard-table tr[data-branch='south'] .sales")).getAttribute("data-value"));

        // the RF grid: A alone is R5 F5, a champion; E alone is lost (R1 F1)
        WebElement champions = driver.findElement(By.cssSelector("#rfm-grid td[data-r='5'][data-f='5']"));
        assertEquals("champions", champions.getAttribute("data-segment"));
        assertEquals("1", champions.getAttribute("data-members"));
        assertEquals("lost", driver.findElement(By.cssSelector("#rfm-grid td[data-r='1'][data-f='1']")).getAttribute("data-segment"));
        assertEquals("1", driver.findElement(By.cssSelector("#rfm-grid td[data-r='1'][data-f='1']")).getAttribute("data-members"));
        assertEquals(25, driver.findElements(By.cssSelector("#rfm-grid td[data-r]")).size());
        tallScreenshot("dashboard-en");
        scrollTo(By.id("card-rfm"));
        screenshotAsScrolled("dashboard-rfm-en");

        // a cell drills down to its members
        click(By.cssSelector("#rfm-grid td[data-r='5'][data-f='5'] a"));
        assertAmount("list-total", 1);
        List<WebElement> rows = driver.findElements(By.cssSelector("#list-members tbody tr"));
        assertEquals(1, rows.size());
        assertEquals(MEMBERS.get("A"), rows.get(0).getAttribute("data-member"));
        assertTrue(rows.get(0).getText(), rows.get(0).getText().contains("علی رضایی"));
        screenshot("dashboard-members-en");

        // a chart's bar drills down too: the points chart's 100-499 bar holds A and D
        click(By.cssSelector("a[href='#/ext/reports/dashboard']"));
        visibleReady();
        clickBar("chart-points", 2);
        assertAmount("list-total", 2);
        assertEquals(List.of(MEMBERS.get("A"), MEMBERS.get("D")), memberRows());
        assertEquals("the list's selection is the bar's band", "100",
            driver.findElement(By.cssSelector("#list-selection [data-param='min']")).getText().replaceAll("\\D", ""));

        // saved as a segment: offers and messaging see the same two members
        type(By.id("segment-name"), "امتیازداران " + UUID.randomUUID().toString().substring(0, 4));
        click(By.id("segment-save"));
        WebElement done = visible(By.id("segment-done"));
        assertAmount("segment-members", 2);
        JsonNode segment = expect(200, server.get("/api/v1/reports/segments/" + done.getAttribute("data-segment"), chainToken)).body();
        assertEquals("points", segment.path("report").asText());
        assertEquals(2, segment.path("members").asLong());
        assertEquals("100", segment.path("parameters").path("min").asText());
        assertEquals("499", segment.path("parameters").path("max").asText());

        // its CSV export, downloaded with the user's token: a byte order mark, a header and the two members
        click(By.cssSelector("button[data-export='csv']"));
        Path csv = awaitDownload("points-members-");
        String body = Files.readString(csv, UTF_8);
        assertTrue("a byte order mark for Excel", body.startsWith("\uFEFF"));
        assertTrue(body, body.substring(1).startsWith("id,phone,name,"));
        assertEquals("a header and two members", 3, body.strip().split("\r\n").length);
        assertTrue(body, body.contains("زهرا حسینی"));
    }

    @Test
    public void theDashboardIsPersianRightToLeftWithJalaliMonthsAndPersianDigits() throws Exception {
        openDashboard();
        persian();
        visibleReady();
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("۲٬۶۵۰٬۰۰۰", text("kpi-sales-amount"));
        String range = visible(By.id("dash-range")).getText();
        assertTrue("a Jalali year in Persian digits: " + range, range.contains("۱۴۰"));
        assertEquals("گزارش‌ها", driver.findElement(By.cssSelector("#page h1")).getText());
        // the chart's axis runs right to left and its days are Jalali, in Persian digits
        List<?> days = (List<?>) js("return document.getElementById('chart-sales').chart.getOption().xAxis[0].data");
        assertTrue(String.valueOf(days), PERSIAN_DIGITS.matcher(String.valueOf(days.get(10))).find());
        assertEquals(Boolean.TRUE, js("return document.getElementById('chart-sales').chart.getOption().xAxis[0].inverse"));
        assertEquals("قهرمانان", driver.findElement(By.cssSelector("#rfm-grid td[data-r='5'][data-f='5'] .segment")).getText());
        tallScreenshot("dashboard-fa");
        scrollTo(By.id("card-rfm"));
        screenshotAsScrolled("dashboard-rfm-fa");

        // the month buckets of a Persian chain are Jalali months
        new Select(visible(By.id("dash-bucket"))).selectByValue("month");
        js("document.getElementById('dash-from').value = arguments[0]", today().minusDays(40).toString());
        click(By.id("dash-apply"));
        // the charts are drawn again after the figures: until then the chart may not be there
        wait.until(d -> !d.findElements(By.cssSelector("#dash-cards[data-ready]")).isEmpty()
            && ((List<?>) js("var e = document.getElementById('chart-new-members');"
                + " return e && e.chart ? e.chart.getOption().xAxis[0].data : []")).size() >= 2);
        List<?> months = (List<?>) js("return document.getElementById('chart-new-members').chart.getOption().xAxis[0].data");
        String last = String.valueOf(months.get(months.size() - 1));
        assertTrue("a Jalali month name: " + last, last.matches(".*(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند).*"));

        // the RFM page is the grid alone; its lost cell (E, R1 F1) opens E
        click(By.cssSelector("a[data-route='ext/reports/rfm']"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#dash-cards .report-card"), 1));
        visibleReady();
        assertEquals("the RFM page has no date range", 0, driver.findElements(By.id("dash-from")).size());
        assertEquals("از دست رفته", driver.findElement(By.cssSelector("#rfm-grid td[data-r='1'][data-f='1'] .segment")).getText());
        click(By.cssSelector("#rfm-grid td[data-r='1'][data-f='1'] a"));
        assertAmount("list-total", 1);
        assertEquals(List.of(MEMBERS.get("E")), memberRows());
        assertEquals("۱", text("list-total"));
    }

    @Test
    public void aBranchManagerSeesItsOwnBranchAndAnOperatorSeesNumbersWithoutMemberLists() throws Exception {
        expect(201, server.post("/api/v1/users", chainToken, json("user", chainUser + "-bm", "password", CHAIN_PASSWORD,
            "role", "branch-manager", "branch", "north")));
        expect(201, server.post("/api/v1/users", chainToken, json("user", chainUser + "-op", "password", CHAIN_PASSWORD,
            "role", "operator", "branch", "north")));
        // the charting library is served by the server, from the reports bundle, as a script
        RunningDistribution.Answer echarts = server.get("/console/ext/reports/vendor/echarts/echarts.esm.min.js", null);
        assertEquals(200, echarts.status());
        assertTrue(echarts.contentType(), echarts.contentType().startsWith("text/javascript"));

        open("");
        english();
        login(chainUser + "-bm", CHAIN_PASSWORD);
        click(By.cssSelector("a[data-route='ext/reports/dashboard']"));
        visibleReady();
        WebElement branch = visible(By.id("dash-branch"));
        assertFalse("a branch user's reports are its branch's", branch.isEnabled());
        assertEquals("north", new Select(branch).getFirstSelectedOption().getAttribute("value"));
        js("document.getElementById('dash-from').value = arguments[0]; document.getElementById('dash-to').value = arguments[1]",
            today().minusDays(10).toString(), today().toString());
        js("document.getElementById('dash-cards').removeAttribute('data-ready')");
        click(By.id("dash-apply"));
        visibleReady();
        // purchases made at north in the eleven days: A 0 5 10, B 2, C 3 and H 7
        assertAmount("kpi-sales-amount", 2_050_000);
        assertAmount("kpi-sales-purchases", 6);
        // north's own members (A B C D E I): D and E churned, I never bought
        assertAmount("kpi-churned", 2);
        assertAmount("kpi-never", 1);
        assertEquals("the leaderboard shows its own row", 1, driver.findElements(By.cssSelector("#leaderboard-table tbody tr")).size());
        click(By.cssSelector("a[data-drill='kpi-churned']"));
        assertAmount("list-total", 2);
        assertEquals(List.of(MEMBERS.get("D"), MEMBERS.get("E")), memberRows());
        click(By.id("logout"));

        // an operator reads the numbers; member lists are for managers, so nothing links to them
        login(chainUser + "-op", CHAIN_PASSWORD);
        click(By.cssSelector("a[data-route='ext/reports/dashboard']"));
        visibleReady();
        assertAmount("kpi-churned", 2);
        assertTrue(driver.findElements(By.cssSelector("a[data-drill]")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#rfm-grid a")).isEmpty());
        assertTrue("no saved segments for an operator", driver.findElements(By.cssSelector("a[data-route='ext/reports/segments']")).isEmpty());
        String token = (String) js("return sessionStorage.getItem('bashgah.token')");
        expect(403, server.get("/api/v1/reports/churn/members", token));
    }

    @Test
    public void theDashboardGoesWithTheReportsFeatureAndComesBackWithIt() throws Exception {
        openDashboard();
        assertAmount("kpi-sales-amount", 2_650_000);
        features("uninstallFeature", "bashgah-reports");
        try {
            awaitExtensions(ids -> !ids.contains("reports"));
            assertEquals("the charting library went with its bundle", 404,
                server.get("/console/ext/reports/vendor/echarts/echarts.esm.min.js", null).status());
            driver.navigate().refresh();
            visible(By.id("page"));
            assertTrue("the menu item is gone", driver.findElements(By.cssSelector("a[data-ext='reports']")).isEmpty());
            assertEquals("404", visible(By.cssSelector("#page .problem")).getAttribute("data-status"));
        } finally {
            installReports();
        }
        driver.navigate().refresh();
        visibleReady();
        assertAmount("kpi-sales-amount", 2_650_000);
    }

    // ---- the members page ----

    @Test
    public void tagsEditedOnTheMembersPageAreWhatTheApiAnswersAndABadTagChangesNothing() throws Exception {
        String id = expect(201, server.post("/api/v1/members", adminToken,
            json("phone", "09123330001", "name", "Tara", "branch", "tehran-1"))).text("id");
        open("#/members/" + id);
        english();
        login("admin", ADMIN_PASSWORD);
        open("#/members/" + id);
        visible(By.id("member-tags"));
        addTag("vip");
        wait.until(d -> !d.findElements(By.cssSelector("#member-tags li[data-tag='vip']")).isEmpty());
        addTag("staff");
        wait.until(d -> !d.findElements(By.cssSelector("#member-tags li[data-tag='staff']")).isEmpty());
        assertEquals(List.of("staff", "vip"), tags(id));

        click(By.cssSelector("#member-tags li[data-tag='vip'] button"));
        wait.until(d -> d.findElements(By.cssSelector("#member-tags li[data-tag='vip']")).isEmpty());
        assertEquals(List.of("staff"), tags(id));
        screenshot("member-tags-en");

        // a tag that is not a code: the API names the field and keeps the tags as they were
        addTag("not a tag!");
        WebElement problem = visible(By.cssSelector("#member-tags-message .problem[data-status='400']"));
        assertTrue(problem.getText(), problem.getText().contains("tags[1]"));
        assertEquals(List.of("staff"), tags(id));
        assertEquals(1, driver.findElements(By.cssSelector("#member-tags li[data-tag]")).size());

        // the members page finds her by tag and part of her name, and by the tail of her phone in Persian digits
        open("#/members");
        visible(By.id("members-q")).sendKeys("tar");
        driver.findElement(By.id("members-tag")).sendKeys("staff");
        click(By.id("members-find"));
        wait.until(d -> d.findElements(By.cssSelector("#members-table tbody tr")).size() == 1);
        assertEquals(id, driver.findElement(By.cssSelector("#members-table tbody tr")).getAttribute("data-member"));
        driver.findElement(By.id("members-tag")).clear();
        driver.findElement(By.id("members-q")).clear();
        driver.findElement(By.id("members-q")).sendKeys("۳۳۳۰۰۰۱");
        click(By.id("members-find"));
        wait.until(d -> !d.findElements(By.cssSelector("#members-table tbody tr[data-member='" + id + "']")).isEmpty());
        screenshot("members-search-en");
        click(By.cssSelector("#members-table tbody tr[data-member='" + id + "'] a"));
        visible(By.id("member-tags"));
    }

    @Test
    public void anOlderPurchaseIsRefundedFromThePurchaseHistoryAndTheBalancesFollow() throws Exception {
        String id = expect(201, server.post("/api/v1/members", adminToken,
            json("phone", "09123330002", "name", "Kian", "branch", "tehran-1"))).text("id");
        await("signup points").atMost(READY).until(() ->
            server.get("/api/v1/members/" + id + "/balances", adminToken).body().path("points").asLong() == 100);
        // 5% shared credit and a point per 10,000 on each: 5,000 + 10,000 + 15,000 and 10 + 20 + 30 points
        List<String> purchases = new ArrayList<>();
        int[] daysAgo = {20, 10, 1};
        long[] amounts = {100_000, 200_000, 300_000};
        for (int i = 0; i < 3; i++) {
            purchases.add(expect(201, server.post("/api/v1/purchases", adminToken, json("idempotencyKey", "hist-" + UUID.randomUUID(),
                "member", id, "branch", "tehran-1", "amount", amounts[i], "at", at(daysAgo[i]),
                "lines", List.of(json("productGroup", "shoes", "amount", amounts[i]))))).text("id"));
        }
        // the history's API: newest first, page by page, and a bad page is a 400 naming its field
        JsonNode first = expect(200, server.get("/api/v1/members/" + id + "/purchases?limit=2", adminToken)).body();
        assertEquals(List.of(purchases.get(2), purchases.get(1)), List.of(first.get(0).path("id").asText(), first.get(1).path("id").asText()));
        JsonNode rest = expect(200, server.get("/api/v1/members/" + id + "/purchases?limit=2&before=" + purchases.get(1), adminToken)).body();
        assertEquals(1, rest.size());
        assertEquals(purchases.get(0), rest.get(0).path("id").asText());
        assertEquals("limit", expect(400, server.get("/api/v1/members/" + id + "/purchases?limit=0", adminToken)).body()
            .path("errors").get(0).path("field").asText());
        assertEquals("before", expect(400, server.get("/api/v1/members/" + id + "/purchases?before=" + UUID.randomUUID(), adminToken)).body()
            .path("errors").get(0).path("field").asText());

        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        open("#/members/" + id);
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#purchases tbody tr[data-purchase]"), 3));
        assertEquals("newest first", purchases.get(2), rows.get(0).getAttribute("data-purchase"));
        assertAmount("member-bal-shared", 30_000);
        assertAmount("member-bal-points", 160);

        // the oldest purchase, twenty days ago: two clicks refund it
        By oldest = By.cssSelector("#purchases tr[data-purchase='" + purchases.get(0) + "'] .purchase-refund");
        click(oldest);
        assertTrue(driver.findElement(oldest).getText().contains("100,000"));
        click(oldest);
        WebElement done = visible(By.id("purchase-refund-done"));
        assertEquals(purchases.get(0), done.getAttribute("data-purchase"));
        assertAmount("purchase-refund-cash", 100_000);
        wait.until(d -> "25000".equals(d.findElement(By.id("member-bal-shared")).getAttribute("data-value")));
        assertAmount("member-bal-points", 150);
        assertEquals("Refunded", driver.findElement(By.cssSelector("#purchases tr[data-purchase='" + purchases.get(0) + "'] .purchase-status")).getText());
        assertTrue("a refunded purchase has no refund button", driver.findElements(oldest).isEmpty());
        screenshot("member-purchases-en");

        JsonNode balances = expect(200, server.get("/api/v1/members/" + id + "/balances", adminToken)).body();
        assertEquals(25_000, balances.path("sharedCredit").asLong());
        assertEquals(150, balances.path("points").asLong());
        assertEquals(100_000, expect(200, server.get("/api/v1/purchases/" + purchases.get(0), adminToken)).body().path("refunded").asLong());
        assertEquals("the newer purchases are untouched", 0,
            expect(200, server.get("/api/v1/purchases/" + purchases.get(1), adminToken)).body().path("refunded").asLong());

        // part of the second purchase: 50,000 of its 200,000 of shoes, typed in Persian digits; the rest stays open
        By second = By.cssSelector("#purchases tr[data-purchase='" + purchases.get(1) + "'] .purchase-refund");
        click(second);
        WebElement line = visible(By.cssSelector("#purchases tr[data-refund-for='" + purchases.get(1) + "'] input[data-group='shoes']"));
        assertEquals("200000", line.getAttribute("value"));
        line.clear();
        line.sendKeys("۵۰۰۰۰");
        assertTrue(driver.findElement(second).getText(), driver.findElement(second).getText().contains("50,000"));
        click(second);
        wait.until(d -> purchases.get(1).equals(d.findElement(By.id("purchase-refund-done")).getAttribute("data-purchase")));
        assertAmount("purchase-refund-cash", 50_000);
        wait.until(d -> "22500".equals(d.findElement(By.id("member-bal-shared")).getAttribute("data-value")));
        assertAmount("member-bal-points", 145);
        JsonNode part = expect(200, server.get("/api/v1/purchases/" + purchases.get(1), adminToken)).body();
        assertEquals(50_000, part.path("refunded").asLong());
        assertEquals("50000", driver.findElement(By.cssSelector("#purchases tr[data-purchase='" + purchases.get(1) + "'] .purchase-refunded"))
            .getAttribute("data-value"));
        click(second);
        assertEquals("150000", visible(By.cssSelector("#purchases tr[data-refund-for='" + purchases.get(1) + "'] input[data-group='shoes']"))
            .getAttribute("value"));
        screenshot("member-partial-refund-en");

        // the same page in Persian
        persian();
        visible(By.cssSelector("#purchases tbody tr[data-purchase]"));
        assertEquals("۲۲٬۵۰۰", text("member-bal-shared"));
        screenshot("member-purchases-fa");
    }

    // ---- offers and tiers as forms ----

    @Test
    public void anOfferAndTheTiersAreEditedWithFormsAndTheJsonViewFollows() throws Exception {
        open("");
        english();
        login("admin", ADMIN_PASSWORD);
        open("#/ext/offers/offers/new");
        type(By.id("offer-name"), "Loyal shoes");
        click(By.cssSelector("[data-path='branches.tehran-1']"));
        type(By.cssSelector("[data-path='trigger.amountOver']"), "500,000");
        type(By.cssSelector("[data-path='reward.extraCreditPercent']"), "۱۲٫۵");   // Persian digits and decimal sign
        click(By.id("condition-add"));
        type(By.cssSelector("#offer-audience .condition-value"), "3");
        JsonNode shown = RunningDistribution.JSON.readTree(visible(By.id("offer-json")).getAttribute("value"));
        assertEquals("the JSON view follows the form", 500_000, shown.path("trigger").path("amountOver").asLong());
        assertEquals("12.5", shown.path("reward").path("extraCreditPercent").asText());
        assertEquals("[\"tehran-1\"]", shown.path("branches").toString());
        assertEquals("{\"metric\":\"visits\",\"op\":\"gt\",\"value\":3}", shown.path("audience").toString());
        click(By.id("offer-save"));
        wait.until(d -> ((String) js("return location.hash")).matches("#/ext/offers/offers/[0-9a-f-]{36}"));
        String id = ((String) js("return location.hash")).substring("#/ext/offers/offers/".length());
        JsonNode saved = expect(200, server.get("/api/v1/offers/" + id, adminToken)).body();
        assertEquals("Loyal shoes", saved.path("name").asText());
        assertEquals("DRAFT", saved.path("status").asText());
        assertEquals(500_000, saved.path("trigger").path("amountOver").asLong());
        assertEquals(0, new java.math.BigDecimal("12.5").compareTo(saved.path("reward").path("extraCreditPercent").decimalValue()));
        assertEquals(3, saved.path("audience").path("value").asInt());
        screenshot("offer-form-en");

        // a number that is not one: the API names the field, the offer stays as it was
        type(By.cssSelector("[data-path='trigger.amountOver']"), "lots");
        click(By.id("offer-save"));
        WebElement problem = visible(By.cssSelector("#offer-message .problem[data-status='400']"));
        assertTrue(problem.getText(), problem.getText().contains("trigger.amountOver"));
        assertEquals(500_000, expect(200, server.get("/api/v1/offers/" + id, adminToken)).body().path("trigger").path("amountOver").asLong());

        // an audience the form cannot show is edited in the JSON view, and the form says so
        js("const t = document.getElementById('offer-json'); const d = JSON.parse(t.value); d.trigger.amountOver = 500000;"
            + " d.audience = {any: [{metric: 'visits', op: 'gt', value: 3}, {taggedAny: ['vip']}]};"
            + " t.value = JSON.stringify(d, null, 2); t.dispatchEvent(new Event('input'));");
        visible(By.id("audience-in-json"));
        assertEquals("500000", visible(By.cssSelector("[data-path='trigger.amountOver']")).getAttribute("value"));
        click(By.id("offer-save"));
        visible(By.cssSelector("#offer-message .notice"));
        assertEquals("vip", expect(200, server.get("/api/v1/offers/" + id, adminToken)).body().path("audience").path("any").get(1)
            .path("taggedAny").get(0).asText());

        // the tiers: one more, out of everyone's reach, added with the form
        JsonNode before = expect(200, server.get("/api/v1/credit/tiers", adminToken)).body();
        int count = before.path("tiers").size();
        open("#/ext/credit/tiers");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tiers-rows tbody tr"), count));
        click(By.id("tier-add"));
        By last = By.cssSelector("#tiers-rows tbody tr:last-child");
        type(By.cssSelector("#tiers-rows tbody tr:last-child .tier-code"), "DIAMOND");
        type(By.cssSelector("#tiers-rows tbody tr:last-child .tier-name"), "الماس");
        type(By.cssSelector("#tiers-rows tbody tr:last-child .tier-threshold"), "1000000000");
        type(By.cssSelector("#tiers-rows tbody tr:last-child .tier-extraCreditPercent"), "25");
        assertTrue(driver.findElement(last).isDisplayed());
        assertTrue("the JSON view follows", visible(By.id("tiers-json")).getAttribute("value").contains("\"DIAMOND\""));
        click(By.id("tiers-save"));
        visible(By.id("tiers-saved"));
        JsonNode after = expect(200, server.get("/api/v1/credit/tiers", adminToken)).body();
        assertEquals(count + 1, after.path("tiers").size());
        JsonNode diamond = after.path("tiers").get(count);
        assertEquals("DIAMOND", diamond.path("code").asText());
        assertEquals("الماس", diamond.path("name").asText());
        assertEquals(1_000_000_000L, diamond.path("threshold").asLong());
        assertEquals(0, new java.math.BigDecimal("25").compareTo(diamond.path("extraCreditPercent").decimalValue()));
        screenshot("tiers-form-en");

        // a threshold not above the tier before it: refused with the field named, the scheme unchanged
        type(By.cssSelector("#tiers-rows tbody tr:last-child .tier-threshold"), "0");
        click(By.id("tiers-save"));
        WebElement refused = visible(By.cssSelector("#tiers-message .problem"));
        assertTrue(refused.getText(), refused.getText().contains("tiers[" + count + "].threshold"));
        assertEquals(after, expect(200, server.get("/api/v1/credit/tiers", adminToken)).body());
    }

    // ---- helpers ----

    private static void installReports() throws Exception {
        features("installFeature", "bashgah-reports");
        awaitExtensions(ids -> ids.contains("reports"));
        await("reports' REST resources").atMost(READY).until(() -> server.get("/api/v1/reports", adminToken).status() == 200);
    }


    private void openDashboard() {
        open("");
        english();
        login(chainUser, CHAIN_PASSWORD);
        click(By.cssSelector("a[data-route='ext/reports/dashboard']"));
        visible(By.id("dash-filters"));
        visibleReady();
        js("document.getElementById('dash-from').value = arguments[0]; document.getElementById('dash-to').value = arguments[1]",
            today().minusDays(10).toString(), today().toString());
        new Select(visible(By.id("dash-branch"))).selectByValue("");
        new Select(visible(By.id("dash-bucket"))).selectByValue("day");
        js("document.getElementById('dash-cards').removeAttribute('data-ready')");
        click(By.id("dash-apply"));
        visibleReady();
    }

    private void visibleReady() {
        wait.until(d -> !d.findElements(By.cssSelector("#dash-cards[data-ready]")).isEmpty());
    }

    /** A real mouse click in the middle of bar {@code index} of the chart's first series. */
    private void clickBar(String chart, int index) {
        WebElement el = visible(By.id(chart));
        scrollTo(By.id(chart));
        List<?> top = (List<?>) js("const c = document.getElementById(arguments[0]).chart;"
            + " const v = c.getOption().series[0].data[arguments[1]];"
            + " return c.convertToPixel({seriesIndex: 0}, [arguments[1], v / 2]);", chart, index);
        int x = ((Number) top.get(0)).intValue() - el.getSize().getWidth() / 2;
        int y = ((Number) top.get(1)).intValue() - el.getSize().getHeight() / 2;
        new Actions(driver).moveToElement(el, x, y).click().perform();
    }

    private List<String> memberRows() {
        return driver.findElements(By.cssSelector("#list-members tbody tr")).stream().map(r -> r.getAttribute("data-member")).toList();
    }

    private void addTag(String tag) {
        type(By.id("member-tag-new"), tag);
        click(By.id("member-tag-add"));
    }

    private static List<String> tags(String memberId) {
        List<String> tags = new ArrayList<>();
        for (JsonNode t : expect(200, server.get("/api/v1/members/" + memberId, adminToken)).body().path("tags")) tags.add(t.asText());
        return tags;
    }

    private static Path awaitDownload(String prefix) {
        return await("a download " + prefix + "*").atMost(UI).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (var files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".csv")).findFirst().orElse(null);
            }
        }, p -> p != null);
    }

    /** A screenshot of a taller window, so the dashboard shows more than its first two charts. */
    private void tallScreenshot(String name) throws Exception {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
        try {
            js("window.dispatchEvent(new Event('resize'))");
            // the charts' ResizeObservers run in the next frame's rendering and redraw at once (chart.resize());
            // the second frame starts after that one has been drawn
            ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}

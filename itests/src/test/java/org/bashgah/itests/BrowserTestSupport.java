package org.bashgah.itests;

import static org.awaitility.Awaitility.await;
import static org.bashgah.itests.RunningDistribution.READY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.Before;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the web console's browser tests share: a copy of the assembled distribution their class starts
 * ({@link #server}), a headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for each test,
 * the steps a user takes in it, screenshots under {@code target/screenshots}, and {@code feature:install} /
 * {@code feature:uninstall} on the running server.
 */
public abstract class BrowserTestSupport {
    protected static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    protected static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    /** How long a step in the browser may take to show its result. */
    protected static final Duration UI = Duration.ofSeconds(20);
    protected static final Pattern PERSIAN_DIGITS = Pattern.compile("[۰-۹]");
    /** The Karaf administrator a class adds before its server's first start, for Karaf's management (JMX). */
    protected static final String SHELL_USER = "itest";

    protected static RunningDistribution server;
    protected static Path screenshots;
    private static String shellPassword;

    protected WebDriver driver;
    protected WebDriverWait wait;

    /**
     * Fails the class without the browser (or skips it, with {@code -Dbashgah.console.browser=skip}), then unpacks
     * a copy of the distribution into {@code target/<directory>} on its own ports, with {@link #SHELL_USER} as a
     * Karaf administrator, as docs/operations.md tells an operator to add a shell user. Not started yet.
     */
    protected static void unpackServer(Class<?> test, String directory, String name, int httpPort, int sshPort,
                                       int rmiRegistryPort, int rmiServerPort, String shellUserPassword) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = test.getSimpleName() + " needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver, or -Dbashgah.console.browser=skip to skip it";
            if ("skip".equals(System.getProperty("bashgah.console.browser"))) Assume.assumeTrue(why, false);
            fail(why);
        }
        screenshots = Paths.get(System.getProperty("bashgah.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        server = RunningDistribution.unpack(Paths.get("target", directory), name, httpPort, sshPort, rmiRegistryPort,
            rmiServerPort);
        shellPassword = shellUserPassword;
        Files.writeString(server.etc("users.properties"), "\n" + SHELL_USER + " = " + shellPassword + ",_g_:admingroup\n",
            StandardOpenOption.APPEND);
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) server.stop();
    }

    @Before
    public void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280," + windowHeight(), "--no-first-run", "--disable-extensions");
        configure(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
            .withLogFile(server.home.resolveSibling("chromedriver.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, UI);
    }

    @After
    public void closeBrowser() {
        if (driver != null) driver.quit();
    }

    /** The browser window's height in pixels (it is 1280 wide). */
    protected int windowHeight() {
        return 1000;
    }

    /** More of the browser's options, for a class that needs them (a download directory). */
    protected void configure(ChromeOptions options) {
    }

    // ---- a user's steps

    protected void open(String hash) {
        driver.get(server.base + "/console/" + hash);
    }

    protected void login(String user, String password) {
        type(By.id("login-user"), user);
        type(By.id("login-password"), password);
        click(By.id("login-submit"));
        visible(By.id("who-user"));
    }

    protected void english() {
        language("en", "ltr");
    }

    protected void persian() {
        language("fa", "rtl");
    }

    /** Picks the language, again if the page was redrawn under the picker, and waits for the direction. */
    private void language(String lang, String dir) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            new Select(d.findElement(By.id("language"))).selectByValue(lang);
            return true;
        });
        wait.until(d -> dir.equals(d.findElement(By.tagName("html")).getAttribute("dir")));
        visible(By.id("language"));
    }

    protected WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Clicks the element, found again if the page re-rendered under it (a language switch redraws the page). */
    protected void click(By by) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) return false;
            element.click();
            return true;
        });
    }

    protected void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    protected String text(String id) {
        return visible(By.id(id)).getText();
    }

    protected String attribute(String id, String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getAttribute(name);
    }

    protected void scrollTo(By by) {
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(by));
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The amount an element shows, as its {@code data-value} (the text is in the language's digits). */
    protected void assertAmount(String id, long expected) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        assertEquals(id, String.valueOf(expected), driver.findElement(By.id(id)).getAttribute("data-value"));
    }

    // ---- screenshots

    /** The window from the top of the page, no field focused. */
    protected void screenshot(String name) throws Exception {
        js("window.scrollTo(0, 0)");
        screenshotAsScrolled(name);
    }

    /** The window where the page is scrolled to, no field focused. */
    protected void screenshotAsScrolled(String name) throws Exception {
        js("document.activeElement && document.activeElement.blur()");
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** One part of the page (one further down than a window shows). */
    protected void screenshot(String name, By part) throws Exception {
        js("document.activeElement && document.activeElement.blur()");
        Files.write(screenshots.resolve(name + ".png"), driver.findElement(part).getScreenshotAs(OutputType.BYTES));
    }

    // ---- the server

    /** Waits until the console's list of extensions (as the browser gets it) satisfies the condition, and health is UP. */
    protected static void awaitExtensions(Predicate<Set<String>> condition) {
        await("extensions.json").atMost(READY).pollInterval(Duration.ofMillis(250)).until(() -> {
            RunningDistribution.Answer answer = server.get("/console/extensions.json", null);
            return answer.status() == 200 && condition.test(RunningDistribution.extensionIds(answer.body()));
        });
        await("/api/health UP").atMost(READY).pollInterval(Duration.ofMillis(250))
            .until(() -> server.get("/api/health", null).status() == 200);
    }

    /**
     * feature:install / feature:uninstall ({@code installFeature}, {@code uninstallFeature}) on the running server,
     * through Karaf's management (JMX, the RMI ports on 127.0.0.1) as {@link #SHELL_USER}. (bin/client's exec channel
     * closes before it runs a command in this distribution: "Session has been closed: Immediate".)
     */
    protected static void features(String operation, String feature) throws Exception {
        // the copy's own RMI ports (with -Dbashgah.itest.portOffset added)
        JMXServiceURL url = new JMXServiceURL(
            "service:jmx:rmi://127.0.0.1:" + server.ports[3] + "/jndi/rmi://127.0.0.1:" + server.ports[2] + "/karaf-root");
        try (JMXConnector jmx = JMXConnectorFactory.connect(url,
            Map.of(JMXConnector.CREDENTIALS, new String[] {SHELL_USER, shellPassword}))) {
            jmx.getMBeanServerConnection().invoke(new ObjectName("org.apache.karaf:type=feature,name=root"),
                operation, new Object[] {feature}, new String[] {String.class.getName()});
        }
    }
}

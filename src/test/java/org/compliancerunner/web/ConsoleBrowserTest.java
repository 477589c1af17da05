package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.compliancerunner.security.Role;
import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review console in Debian's headless Chromium: an operator logs in, claims an item, watches the video at the
 * finding, confirms it, and sees the queue shrink. Screenshots of each step stay in target/console-screenshots.
 */
class ConsoleBrowserTest extends ApiTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void browser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing; install the Debian packages chromium and chromium-driver");
        }
        assumeTrue(present, "skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver to run the browser tests)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium"));
        // the browser's console, where Chromium reports what the Content-Security-Policy refused
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 720));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorClaimsPlaysAndConfirmsAnItemAndTheQueueShrinks() throws Exception {
        String project = "console-" + System.nanoTime();
        User operator = user("olivia", Role.OPERATOR);
        long video = videoWithTwoFindings(project, operator.name());

        browser.get(uri("/console/").toString());
        screenshot("01-login");
        // every control has a label, and Tab walks the form in reading order
        assertThat(script("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.labels.length === 0).map(e => e.id)")).asList().isEmpty();
        browser.findElement(By.id("username")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("login-button");
        logIn(operator);
        wait.until(d -> rows("#queue-table tbody tr").size() == 2);
        assertThat(text(By.id("open-count"))).isEqualTo("2");
        assertThat(text(By.id("who"))).contains(operator.name());
        // operators do not see the jobs view the API would refuse them
        assertThat(browser.findElement(By.id("nav-jobs")).isDisplayed()).isFalse();
        screenshot("02-queue");

        type(By.id("filter-project"), project);
        type(By.id("filter-rule"), "test.for-testing");
        // the shortcut, not a click: operators keep their hands on the keyboard
        browser.findElement(By.id("queue-title")).sendKeys("n");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-view")));
        wait.until(d -> text(By.id("item-title")).contains("test.for-testing"));
        assertThat(text(By.id("finding"))).contains("high").contains("e2e-console v1");
        // the transcript around the finding, with the matched words marked
        wait.until(d -> !rows("#transcript mark").isEmpty());
        assertThat(rows("#transcript mark")).extracting(WebElement::getText)
                .allSatisfy(word -> assertThat(word.toLowerCase()).isEqualTo("for testing"));
        // the loudness timeline with the pack's limit and the finding on one time axis, drawn once the pack is fetched
        wait.until(d -> !rows("#timeline [data-kind=cue]").isEmpty());
        assertThat(rows("#timeline [data-kind=loudness]")).hasSize(1);
        assertThat(rows("#timeline [data-kind=limit]")).hasSize(2);
        assertThat(rows("#timeline [data-kind=finding]")).hasSize(1);
        // where people speak (the fixture's five stretches) and its two caption cues, on the same axis
        assertThat(rows("#timeline [data-kind=speech]")).hasSize(5);
        assertThat(rows("#timeline [data-kind=cue]")).hasSize(2);
        assertThat(script("return document.querySelector('#timeline [data-kind=cue]:last-of-type title').textContent"))
                .isEqualTo("Hello, my name is AutoCut. This is a video for testing.");

        long startMs = jdbc.sql("SELECT start_ms FROM review_items WHERE claimed_by = :operator")
                .param("operator", operator.name()).query(Long.class).single();
        // the video plays from the finding: the media endpoint answered the range requests the player makes
        wait.until(d -> ((Number) script("return document.getElementById('player').readyState")).intValue() >= 2);
        double at = ((Number) script("return document.getElementById('player').currentTime")).doubleValue();
        assertThat(at).isGreaterThanOrEqualTo(startMs / 1000.0 - 0.5);
        screenshot("03-item");

        browser.findElement(By.id("comment")).sendKeys("said on air");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-view")));
        wait.until(d -> rows("#queue-table tbody tr").size() == 1);
        assertThat(text(By.id("status"))).contains("confirmed");
        screenshot("04-queue-after");

        // the console did all of that under its Content-Security-Policy, which nothing on the page broke
        assertThat(cspViolations()).isEmpty();

        List<String> states = jdbc.sql("SELECT rule_id || ' ' || state FROM review_items WHERE video_id = :video ORDER BY rule_id")
                .param("video", video).query(String.class).list();
        assertThat(states).containsExactly("test.for-testing CONFIRMED", "test.name OPEN");
        assertThat(jdbc.sql("SELECT comment FROM review_items WHERE rule_id = 'test.for-testing' AND video_id = :video")
                .param("video", video).query(String.class).single()).isEqualTo("said on air");
    }

    @Test
    void aVideoThatIsAlsoAnHtmlPageRunsNoScriptWhenTheBrowserOpensIt() throws Exception {
        User uploader = user("mallory", Role.UPLOADER);
        HttpResponse<String> uploaded = upload(uploader.token(), "trailer.html", ApiFileSecurityTest.polyglot("xss"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = json.readTree(uploaded.body()).get("videos").get(0).get("id").asLong();

        // the attack: a link to the media with the token in it, opened on the API's (and the console's) origin
        browser.get(uri("/api/videos/" + id + "/media?access_token=" + uploader.token()).toString());
        wait.until(d -> "complete".equals(script("return document.readyState")));
        screenshot("07-polyglot");

        // the page's script sets the title and a global when it runs; served as video in a sandbox, it never does
        assertThat(browser.getTitle()).isNotEqualTo("XSS");
        assertThat(script("return window.ran === true")).isEqualTo(false);
        assertThat(script("return document.querySelector('video') !== null")).isEqualTo(true);
        // and the console it shares an origin with still works under its own strict policy
        logIn(uploader);
        assertThat(browser.findElement(By.id("queue-view")).isDisplayed()).isTrue();
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void anAdministratorWatchesASweepLaunchedOverTheApiRunToItsEnd() throws Exception {
        String project = "console-jobs-" + System.nanoTime();
        User admin = user("ada", Role.ADMIN);
        // enough videos that the sweep still runs at the view's next refresh (every 3 s), which follows it
        copies(project, admin.name(), 16);
        logIn(admin);
        browser.findElement(By.id("nav-jobs")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs-view")));

        var launched = post("/api/jobs", admin.token(), "{\"type\": \"SWEEP\", \"project\": \"" + project + "\"}");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
        String id = json.readTree(launched.body()).get("id").asString();
        By row = By.cssSelector("#jobs-table tr[data-job='" + id + "']");
        // the view picks the new sweep up and follows its progress stream until the last event
        wait.withTimeout(Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(row).isEmpty()
                && d.findElement(row).getText().contains("COMPLETED 100%"));
        screenshot("06-jobs");
        WebElement done = browser.findElement(row);
        assertThat(done.getDomAttribute("data-followed")).as("the view followed the sweep's progress stream").isEqualTo("yes");
        assertThat(done.findElements(By.tagName("td")).get(2).getText()).isEqualTo("COMPLETED");
        assertThat(done.findElement(By.tagName("progress")).getDomProperty("value")).isEqualTo("1");
    }

    @Test
    void aWrongPasswordIsSaidAndNothingElseIsShown() throws Exception {
        User operator = user("oscar", Role.OPERATOR);
        browser.get(uri("/console/").toString());
        type(By.id("username"), operator.name());
        type(By.id("password"), "not the password");
        browser.findElement(By.id("login-button")).click();

        wait.until(d -> text(By.id("status")).startsWith("Login failed"));
        assertThat(text(By.id("status"))).contains("wrong username or password");
        assertThat(browser.findElement(By.id("queue-view")).isDisplayed()).isFalse();
        screenshot("05-login-refused");
    }

    /**
     * Copies of the captioned fixture in a project of the owner, each a different file (one byte appended, so the
     * sha256 deduplication keeps them apart), with their captions.
     */
    private Path copies(String project, String owner, int count) throws IOException {
        Path source = Fixtures.require("video/autocut_test001.mp4");
        Path captions = Fixtures.require("video/autocut_test001.srt");
        Path work = Files.createDirectories(HOME.resolve("media").resolve(project));
        for (int n = 0; n < count; n++) {
            Path copy = work.resolve("clip" + n + ".mp4");
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.write(copy, new byte[] {(byte) n}, StandardOpenOption.APPEND);
            Files.copy(captions, work.resolve("clip" + n + ".srt"), StandardCopyOption.REPLACE_EXISTING);
        }
        CliDriver.Result ingest = cli.run("ingest", work.toString(), "--project", project);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        jdbc.sql("UPDATE projects SET owner = :owner WHERE name = :project").param("owner", owner)
                .param("project", project).update();
        return work;
    }

    /** One video swept with a pack that raises two findings in it, for the owner's review queue. */
    private long videoWithTwoFindings(String project, String owner) throws IOException {
        Path work = copies(project, owner, 1);
        Path rules = Files.writeString(work.resolve("rules.yaml"), """
                pack: e2e-console
                version: 1
                rules:
                  - {id: test.for-testing, kind: phrase, severity: high, phrases: ["for testing"]}
                  - {id: test.name, kind: phrase, severity: medium, phrases: ["my name is"]}
                  - {id: audio.loudness, kind: loudness, severity: low, target: -23, tolerance: 1}
                """);
        CliDriver.Result sweep = cli.run("sweep", "--project", project, "--rules", rules.toString());
        assertThat(sweep.exitCode()).as(sweep.out() + sweep.err()).isZero();
        return jdbc.sql("SELECT v.id FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :p")
                .param("p", project).query(Long.class).single();
    }

    private void logIn(User user) {
        browser.get(uri("/console/").toString());
        type(By.id("username"), user.name());
        type(By.id("password"), PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-view")));
    }

    private void type(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private List<WebElement> rows(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** What the browser's console said about the Content-Security-Policy since the last call. */
    private List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

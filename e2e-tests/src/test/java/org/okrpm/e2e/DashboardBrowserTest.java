package org.okrpm.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrpm.stack.LocalStack;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard the gateway serves at {@code /}, in headless Chromium against the whole stack (run with
 * {@code -Pbrowser}; Debian's {@code chromium} and {@code chromium-driver}, paths overridable with
 * {@code -Dokrpm.chromium} and {@code -Dokrpm.chromedriver}): sign in, the current cycle's objective tree, a key
 * result's burn-up, a task completed through the API moving the bar and the chart without a reload, okr-service
 * stopped (degraded) and started again (recovered), the gateway restarted (reconnecting, then live again), a
 * phone's width. A screenshot of each step goes to target/screenshots.
 */
class DashboardBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        try (var old = Files.newDirectoryStream(SHOTS, "*.png")) {
            for (Path shot : old) {
                Files.delete(shot); // only this run's steps are the CI artefacts
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("okrpm.chromium", "/usr/bin/chromium"));
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("okrpm.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // a live event re-renders the tree and the detail: an element found a moment ago may be replaced by now
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String created(String path, Map<String, Object> body) {
        return Stack.member("alice").body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static void complete(String taskId) {
        Stack.member("alice").body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String connectionState() {
        return browser.findElement(By.id("connection")).getDomAttribute("data-state");
    }

    private static void waitForState(String state) {
        wait.withMessage(() -> "connection state " + state + ", was " + connectionState())
                .until(d -> state.equals(connectionState()));
    }

    /** The progress bar of a key result in the tree, in percent. */
    private static String treeProgress(String keyResultId) {
        return browser.findElement(By.cssSelector("#tree [data-key-result-id='" + keyResultId + "'] [role=progressbar]"))
                .getDomAttribute("aria-valuenow");
    }

    private static String chartProgress() {
        return browser.findElement(By.cssSelector("#detail [data-testid=burn-up] path.progress"))
                .getDomAttribute("data-progress");
    }

    private static void waitForProgress(String keyResultId, int percent, String share) {
        wait.withMessage(() -> "progress " + percent + " %").until(d -> String.valueOf(percent)
                .equals(treeProgress(keyResultId)) && share.equals(chartProgress()));
    }

    @Test
    void signInFollowTheCurrentCycleLiveAndSurviveAnOkrServiceOutage() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String cycleName = "Dashboard " + UUID.randomUUID().toString().substring(0, 8);
        String cycleId = created("/api/v1/cycles", Map.of("name", cycleName,
                "startDate", today.minusDays(30).toString(), "endDate", today.plusDays(60).toString()));
        Stack.member("alice").body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + cycleId + "/phase")
                .then().statusCode(200);
        String company = created("/api/v1/objectives", Map.of("cycleId", cycleId, "title", "Delight our customers",
                "level", "COMPANY"));
        String team = created("/api/v1/objectives", Map.of("cycleId", cycleId, "title", "Ship search v2",
                "level", "TEAM", "teamId", "search", "parentId", company));
        String keyResultId = created("/api/v1/objectives/" + team + "/key-results", Map.of("title",
                "Search features shipped", "metricType", "NUMBER", "startValue", 0, "targetValue", 4,
                "progressSource", "TASKS"));
        String projectId = created("/api/v1/projects", Map.of("name", "Search v2", "keyResultIds", List.of(keyResultId)));
        List<String> tasks = IntStream.range(0, 4).mapToObj(i -> created("/api/v1/projects/" + projectId + "/tasks",
                Map.of("title", "Feature " + i, "keyResultId", keyResultId))).toList();
        // a confidence-only check-in: a key result driven by tasks takes no value
        created("/api/v1/check-ins", Map.of("keyResultId", keyResultId, "confidence", 0.7, "comment", "Kick-off done"));

        // sign in as a dev token's subject (local profile)
        browser.get(Stack.gatewayUrl() + "/");
        WebElement subject = wait.until(d -> d.findElement(By.id("subject")));
        subject.clear();
        subject.sendKeys("alice");
        new Select(browser.findElement(By.id("role"))).selectByValue("member");
        browser.findElement(By.cssSelector("#dev-signin button[type=submit]")).click();

        // the current cycle, its objective tree (the team objective aligned under the company one)
        WebElement picker = wait.until(d -> d.findElement(By.id("cycle")));
        Select cycles = new Select(picker);
        WebElement option = picker.findElement(By.cssSelector("option[value='" + cycleId + "']"));
        assertTrue(option.getText().contains("(current)"), option.getText());
        cycles.selectByValue(cycleId);
        wait.until(d -> !d.findElements(By.cssSelector(
                "[data-objective-id='" + company + "'] [data-objective-id='" + team + "']")).isEmpty());
        waitForState("live");
        wait.withMessage("progress 0 %").until(d -> "0".equals(treeProgress(keyResultId)));
        screenshot("01-objective-tree");

        // a key result's detail: burn-up, confidence, check-ins, projects
        browser.findElement(By.cssSelector("#tree [data-key-result-id='" + keyResultId + "'] button.kr-open")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#detail [data-testid=burn-up]")).isEmpty());
        wait.withMessage("the key result's detail").until(d -> d.findElement(By.id("detail")).getText()
                .contains("Search v2") && d.findElement(By.id("detail")).getText().contains("Kick-off done"));
        screenshot("02-key-result");

        // work done through the API moves the bar and the chart, without a reload
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        complete(tasks.get(0));
        complete(tasks.get(1));
        waitForProgress(keyResultId, 50, "0.5");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"));
        screenshot("03-progress-moved");

        // okr-service down: the next change makes the dashboard refetch, it keeps the last data and says so
        Stack.get().service("okr-service").stop();
        try {
            complete(tasks.get(2));
            waitForState("degraded");
            wait.withMessage("okr-service named, progress kept at 50 %").until(d -> d.findElement(By.id("connection"))
                    .getText().contains("okr-service") && "50".equals(treeProgress(keyResultId)));
            screenshot("04-okr-service-down");
        } finally {
            Stack.get().startService("okr-service");
        }

        // back: live again, and the task done during the outage counted
        waitForProgress(keyResultId, 75, "0.75");
        waitForState("live");
        screenshot("05-recovered");

        // the gateway itself restarted: the stream drops, the page says it is reconnecting, then follows again
        Stack.get().service(LocalStack.GATEWAY).stop();
        try {
            waitForState("reconnecting");
            screenshot("06-reconnecting");
        } finally {
            Stack.get().startService(LocalStack.GATEWAY);
        }
        waitForState("live");
        wait.withMessage("progress still 75 %").until(d -> "75".equals(treeProgress(keyResultId)));

        // a phone's width: one column, the key result above the tree
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.withMessage("one column, the key result first").until(d -> d.findElement(By.id("detail")).getRect().getY()
                < d.findElement(By.id("tree")).getRect().getY());
        screenshot("07-phone");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"));
    }
}

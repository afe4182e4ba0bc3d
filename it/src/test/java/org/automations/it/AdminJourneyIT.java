package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's journey in a real browser (headless Chromium): logs in, sees the dashboard,
 * opens the errors, a failed instance's history with its drawn flow, and its traceback; the same
 * history at a phone's width. Screenshots go to {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class AdminJourneyIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AdminDeployments.ear();
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        profile = Files.createTempDirectory("admin-journey-chromium");
        browser = HeadlessChromium.open(profile, "--window-size=1280,1000");
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theAdministratorFollowsAFailureFromTheDashboardToItsTraceback() throws Exception {
        fixture("showcase&risky=true");
        long failed = Long.parseLong(fixture("showcase&failTimes=1"));
        fixture("waiting");

        // in through the menu's "Log in", then to the dashboard from the menu
        browser.get(base.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Log in"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("j_username"))).sendKeys("admin");
        browser.findElement(By.name("j_password")).sendKeys("admin");
        WebElement submit = browser.findElement(By.id("login-submit"));
        submit.click();
        wait.until(ExpectedConditions.stalenessOf(submit));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Dashboard"))).click();

        WebElement showcase;
        try {
            showcase = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dash-AdminShowcaseAutomation")));
        } finally {
            screenshot("01-dashboard");
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(showcase.getText()).contains("Showcase board");
        assertThat(browser.findElement(By.id("dash-AdminWaitingAutomation")).getText()).contains("Admin waiting", "running");

        browser.findElement(By.linkText("Errors")).click();
        wait.until(ExpectedConditions.titleContains("Errors"));
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("#" + failed)));
        screenshot("02-errors");
        link.click();

        WebElement flow = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#flow svg.flow-diagram")));
        assertThat(flow.findElements(By.cssSelector("g.node.visited"))).isNotEmpty();
        assertThat(flow.findElements(By.cssSelector("g.node.failed"))).hasSize(1);
        assertThat(flow.findElements(By.cssSelector("g.edge.taken"))).isNotEmpty();
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("FAILED");
        screenshot("03-history");

        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> ((Number) browser.executeScript("return window.innerWidth")).intValue() <= 400);
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(400);
        screenshot("04-history-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        browser.findElement(By.cssSelector("a.traceback-link")).click();
        WebElement trace = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre#traceback")));
        assertThat(trace.getText()).startsWith("java.lang.IllegalStateException: " + AdminShowcaseAutomation.FAILURE);
        screenshot("05-traceback");

        browser.findElement(By.id("back-to-history")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("retry"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm:yes")));
        screenshot("06-confirm-retry");
        browser.findElement(By.id("confirm:yes")).click();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-result")));
        assertThat(result.getText()).contains("was retried", "FINISHED");
        screenshot("07-retried");
    }

    private void screenshot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve("admin-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String fixture(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(new URL(base, "admin-fixture?op=" + query).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().strip();
    }
}

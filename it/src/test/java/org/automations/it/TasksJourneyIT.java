package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A demo user's journey in a real browser (headless Chromium at phone width) against the real,
 * unchanged EAR: open an expense claim on the example page, log in as alice, find the task, submit
 * the form with a wrong e-mail address, see the message next to the field, correct it, and see
 * the task leave the list. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class TasksJourneyIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startChromium() throws IOException {
        profile = Files.createTempDirectory("tasks-journey-chromium");
        browser = HeadlessChromium.open(profile);
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
        wait = new WebDriverWait(browser, DEADLINE);
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS, "tasks-journey-*.png")) {
            for (Path shot : old) {
                Files.delete(shot);
            }
        }
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aliceFillsInAnExpenseClaimCorrectsAMistakeAndTheTaskLeavesHerList() throws Exception {
        try {
            journey();
        } catch (Exception | AssertionError e) {
            screenshot("failure");

            throw e;
        }
    }

    private void journey() throws Exception {
        // someone opens a claim on the example page
        browser.get(new URL(base, "example/expenses.xhtml").toString());
        browser.findElement(By.id("expenses:open")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "An expense claim was opened"));
        screenshot("1-claim-opened");

        // alice logs in through her task list
        browser.get(new URL(base, "tasks/list.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        browser.findElement(By.name("j_username")).sendKeys("alice");
        browser.findElement(By.name("j_password")).sendKeys("alice");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tasks")));
        List<WebElement> claims = browser.findElements(By.xpath(
                "//li[contains(@class,'task')][.//a[contains(.,'Fill in the expense claim')]]"));
        assertThat(claims).isNotEmpty();
        WebElement newest = claims.get(claims.size() - 1); // oldest first
        String taskItemId = newest.getAttribute("id");
        assertThat(newest.getAttribute("class")).contains("urgency-normal");
        screenshot("2-task-list");

        // the form, with a mistake
        newest.findElement(By.className("task-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form:f_amount")));
        browser.findElement(By.id("form:f_amount")).sendKeys("42.50");
        new Select(browser.findElement(By.id("form:f_category"))).selectByValue("TRAVEL");
        browser.findElement(By.id("form:f_purpose")).sendKeys("Train to the customer in Hamburg");
        browser.findElement(By.id("form:f_receiptEmail")).sendKeys("alice-at-example.org");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("form:f_spentOn")), LocalDate.now().minusDays(2).toString());
        browser.findElement(By.id("form:f_paidWithCompanyCard")).click();
        browser.findElement(By.id("form:submit")).click();
        wait.until(ExpectedConditions.textMatches(By.id("form:m_receiptEmail"), java.util.regex.Pattern.compile("\\S")));
        assertThat(browser.findElement(By.id("form:m_amount")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("form:f_purpose")).getAttribute("value")).isEqualTo("Train to the customer in Hamburg");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.findElement(By.id("form:m_receiptEmail")));
        screenshot("3-form-with-error");

        // corrected
        WebElement email = browser.findElement(By.id("form:f_receiptEmail"));
        email.clear();
        email.sendKeys("alice@example.org");
        browser.findElement(By.id("form:submit")).click();
        wait.until(ExpectedConditions.urlContains("/tasks/list.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thank you: the task is done."));
        assertThat(browser.findElements(By.id(taskItemId))).isEmpty();
        screenshot("4-task-done");
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("tasks-journey-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

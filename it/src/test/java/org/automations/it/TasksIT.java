package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The people's pages over HTTP against the real EAR: who sees which task in the list, the form
 * page's 404 for guessed task ids, Bean Validation messages next to the fields (and nothing
 * changed), redirects after a valid submission (never to another site), "already completed" for
 * a second submission, the administrator's view, a node's own template, German texts, and a
 * replaced {@code CallerProvider} that decides who may work on a task.
 *
 * <p>The deployment adds {@link TasksSupportServlet} (starts automations, reports the caller),
 * {@link TasksAuditAutomation} (a form for the group "auditors") and the caller provider's
 * replacement {@code TasksAuditorsCallerProvider} (makes bob an auditor; see
 * {@link TasksDeployments#AUDITORS_CALLER_PROVIDER}).
 */
@ExtendWith(ArquillianExtension.class)
class TasksIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TasksDeployments.earWith(new Class<?>[] {TasksSupportServlet.class},
                new Class<?>[] {TasksAuditAutomation.class, TasksAuditAutomation.AuditNote.class},
                Map.of("org.automations.it.TasksAuditorsCallerProvider", TasksDeployments.AUDITORS_CALLER_PROVIDER));
    }

    private static final Pattern STARTED = Pattern.compile("instance=(\\d+) task=(\\d+)");

    @ArquillianResource
    URL base;

    private WebClient admin;
    private WebClient alice;
    private WebClient bob;

    @BeforeEach
    void openBrowsers() throws Exception {
        admin = logIn("admin");
        alice = logIn("alice");
        bob = logIn("bob");
    }

    @AfterEach
    void closeBrowsers() {
        admin.close();
        alice.close();
        bob.close();
    }

    @Test
    void theDefaultCallerProviderReadsTheIdentityStoresGroups() throws Exception {
        String aliceSays = text(alice, "tasks/test-support/caller?groups=sales,moderators,support");
        System.out.println("TasksIT: what the server says about alice:\n" + aliceSays);
        assertThat(aliceSays).contains("name=alice", "administrator=false", "group.sales=true",
                "group.moderators=true", "group.support=false", "permission.sales=true");
        assertThat(text(bob, "tasks/test-support/caller?groups=sales,support"))
                .contains("name=bob", "administrator=false", "group.sales=false", "group.support=true");
        assertThat(text(admin, "tasks/test-support/caller?groups=sales"))
                .contains("name=admin", "administrator=true", "group.sales=false");
    }

    @Test
    void aliceSeesHerModeratorAndSalesTasksBobDoesNot() throws Exception {
        long moderate = start("issue")[1];
        long details = start("expense")[1];

        HtmlPage aliceList = page(alice, "tasks/list.xhtml");
        assertThat(aliceList.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(aliceList.getElementById("task-" + moderate).asNormalizedText())
                .contains("Moderate the new mails of the issue discussion", "Issue discussion", "New");
        assertThat(aliceList.getElementById("task-" + details).asNormalizedText())
                .contains("Fill in the expense claim", "Expense approval");
        assertThat(aliceList.getElementById("task-" + details).getAttribute("class")).contains("urgency-normal");
        assertThat(aliceList.getAnchorByHref(base.getPath() + "tasks/form.xhtml?task=" + details)).isNotNull();

        HtmlPage bobList = page(bob, "tasks/list.xhtml");
        assertThat(bobList.getElementById("task-" + moderate)).isNull();
        assertThat(bobList.getElementById("task-" + details)).isNull();
        assertThat(bobList.asNormalizedText()).doesNotContain("Fill in the expense claim", "Moderate the new mails");
    }

    @Test
    void theExamplePageOpensAClaimForTheSalesTeam() throws Exception {
        WebClient anonymous = new WebClient();
        anonymous.getOptions().setJavaScriptEnabled(false);
        anonymous.getOptions().setCssEnabled(false);
        HtmlPage example = anonymous.getPage(new URL(base, "example/expenses.xhtml"));
        HtmlPage opened = example.getFormByName("expenses").getInputByName("expenses:open").click();
        assertThat(opened.asNormalizedText()).contains("An expense claim was opened");
        anonymous.close();
        String newest = text(admin, "tasks/test-support/newest");
        System.out.println("TasksIT: newest instances:\n" + newest);
        Matcher task = Pattern.compile("task (\\d+) details open=true").matcher(newest);
        assertThat(task.find()).as(newest).isTrue();
        assertThat(page(alice, "tasks/list.xhtml").getElementById("task-" + task.group(1))).isNotNull();
        assertThat(page(bob, "tasks/list.xhtml").getElementById("task-" + task.group(1))).isNull();
    }

    @Test
    void guessingTheIdOfSomeoneElsesTaskShowsNoData() throws Exception {
        long details = start("expense")[1];

        for (String id : new String[] {String.valueOf(details), "999999999", "abc", ""}) {
            HtmlPage guessed = page(bob, "tasks/form.xhtml?task=" + id);
            assertThat(guessed.getWebResponse().getStatusCode()).as("task=" + id).isEqualTo(404);
            assertThat(guessed.asNormalizedText()).as("task=" + id)
                    .contains("No such task for you")
                    .doesNotContain("Fill in the expense claim", "Expense approval", "Amount", "Submit");
            assertThat(guessed.getElementById("form")).isNull();
        }
        assertThat(page(alice, "tasks/form.xhtml?task=" + details).getWebResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void invalidValuesShowTheMessagesNextToTheFieldsAndChangeNothing() throws Exception {
        long[] started = start("expense");
        HtmlPage form = page(alice, "tasks/form.xhtml?task=" + started[1]);
        assertThat(form.asNormalizedText()).contains("Fill in the expense claim", "Amount (EUR)", "Purpose",
                "E-mail address for the receipt", "Date of the expense", "Paid with the company card", "Category");
        assertThat(form.getElementById("form:f_amount").getAttribute("type")).isEqualTo("number");
        assertThat(form.getElementById("form:f_receiptEmail").getAttribute("type")).isEqualTo("email");
        assertThat(form.getElementById("form:f_spentOn").getAttribute("type")).isEqualTo("date");
        assertThat(form.getElementById("form:f_purpose").getTagName()).isEqualTo("textarea");
        assertThat(form.getElementById("form:f_paidWithCompanyCard").getAttribute("type")).isEqualTo("checkbox");
        assertThat(form.getElementById("form:f_category").getTagName()).isEqualTo("select");

        HtmlPage invalid = fillDetails(form, "-5", null, "", "not-an-address", LocalDate.now().plusDays(3).toString(), false);

        assertThat(invalid.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(invalid.getUrl().getPath()).endsWith("/tasks/form.xhtml");
        assertThat(message(invalid, "amount")).contains("0.01");
        assertThat(message(invalid, "category")).isNotBlank();
        assertThat(message(invalid, "purpose")).isNotBlank();
        assertThat(message(invalid, "receiptEmail")).isEqualTo("must be a well-formed email address");
        assertThat(message(invalid, "spentOn")).isNotBlank();
        assertThat(message(invalid, "paidWithCompanyCard")).isEmpty();
        // the entered values stay in the form
        assertThat(invalid.getElementById("form:f_receiptEmail").getAttribute("value")).isEqualTo("not-an-address");

        String instance = text(admin, "tasks/test-support/instance?id=" + started[0]);
        assertThat(instance).contains("state=RUNNING").doesNotContain("receiptEmail", "amount", "completedBy=alice");
        assertThat(page(alice, "tasks/list.xhtml").getElementById("task-" + started[1])).isNotNull();
    }

    @Test
    void aValidSubmissionGoesBackAndTheTaskLeavesTheList() throws Exception {
        long[] started = start("expense");
        HtmlPage form = page(alice, "tasks/form.xhtml?task=" + started[1] + "&back=" + enc("/example/expenses.xhtml"));

        HtmlPage after = fillDetails(form, "42.50", "TRAVEL", "Train to the customer", "alice@example.org",
                LocalDate.now().minusDays(1).toString(), true);

        assertThat(after.getUrl().getPath()).isEqualTo(base.getPath() + "example/expenses.xhtml");
        assertThat(after.asNormalizedText()).contains("Thank you: the task is done.");
        assertThat(page(alice, "tasks/list.xhtml").getElementById("task-" + started[1])).isNull();
        String instance = text(admin, "tasks/test-support/instance?id=" + started[0]);
        assertThat(instance).contains("\"amount\":42.5", "\"category\":\"TRAVEL\"", "\"paidWithCompanyCard\":true",
                "completedBy=alice");
    }

    @Test
    void aBackParameterToAnotherSiteIsNotFollowed() throws Exception {
        for (String evil : new String[] {"//evil.example", "http://evil.example/", "/\\evil.example", "https:evil.example"}) {
            long[] started = start("expense");
            HtmlPage form = page(alice, "tasks/form.xhtml?task=" + started[1] + "&back=" + enc(evil));
            HtmlPage after = fillDetails(form, "10", "MEALS", "Lunch", "alice@example.org", LocalDate.now().toString(), false);
            assertThat(after.getUrl().getHost()).as(evil).isEqualTo(base.getHost());
            assertThat(after.getUrl().getPath()).as(evil).isEqualTo(base.getPath() + "tasks/list.xhtml");
        }
    }

    @Test
    void aSecondSubmissionOfTheSameTaskSaysItIsAlreadyCompleted() throws Exception {
        long[] started = start("expense");
        HtmlPage first = page(alice, "tasks/form.xhtml?task=" + started[1]);
        HtmlPage second = page(alice, "tasks/form.xhtml?task=" + started[1]);

        fillDetails(first, "12", "OTHER", "Stamps", "alice@example.org", LocalDate.now().toString(), false);
        HtmlPage late = fillDetails(second, "99", "EQUIPMENT", "Mouse", "alice@example.org", LocalDate.now().toString(), false);

        assertThat(late.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(late.getElementById("task-completed").asNormalizedText())
                .isEqualTo("This task was already completed by alice.");
        assertThat(text(admin, "tasks/test-support/instance?id=" + started[0])).contains("\"amount\":12").doesNotContain("\"amount\":99", "Mouse");
        // and opening it again says the same
        assertThat(page(alice, "tasks/form.xhtml?task=" + started[1]).asNormalizedText())
                .contains("This task was already completed by alice.");
    }

    @Test
    void theAdministratorSeesAllTasksAndDecidesWithTheNodesTemplate() throws Exception {
        long moderate = start("issue")[1];
        long audit = start("audit")[1];
        long[] expense = start("expense");
        fillDetails(page(alice, "tasks/form.xhtml?task=" + expense[1]), "600", "EQUIPMENT", "A laptop stand",
                "alice@example.org", LocalDate.now().toString(), false);
        long approval = openTask(expense[0]);

        HtmlPage list = page(admin, "tasks/list.xhtml");
        assertThat(list.getElementById("task-" + moderate)).isNotNull();
        assertThat(list.getElementById("task-" + audit)).isNotNull();
        assertThat(list.getElementById("task-" + approval).asNormalizedText()).contains("Approve or reject the expense claim");
        assertThat(page(alice, "tasks/list.xhtml").getElementById("task-" + approval)).isNull();
        assertThat(page(alice, "tasks/form.xhtml?task=" + approval).getWebResponse().getStatusCode()).isEqualTo(404);

        HtmlPage form = page(admin, "tasks/form.xhtml?task=" + approval);
        assertThat(form.getElementById("claim-amount").asNormalizedText()).isEqualTo("600 EUR");
        assertThat(form.asNormalizedText()).contains("A laptop stand", "Claims above 500 EUR need a receipt.", "alice");

        HtmlPage undecided = form.getFormByName("form").getInputByName("form:submit").click();
        assertThat(undecided.getElementById("form").asNormalizedText()).containsPattern("Decision.*\\*");
        assertThat(undecided.asNormalizedText()).contains("must not be null");

        HtmlForm decide = undecided.getFormByName("form");
        ((HtmlRadioButtonInput) decide.getFirstByXPath(".//input[@name='form:approved' and @value='true']")).setChecked(true);
        HtmlPage done = decide.getInputByName("form:submit").click();

        assertThat(done.getUrl().getPath()).isEqualTo(base.getPath() + "tasks/list.xhtml");
        assertThat(text(admin, "tasks/test-support/instance?id=" + expense[0]))
                .contains("state=FINISHED", "\"outcome\":\"paid\"", "\"approved\":true");
    }

    @Test
    void aReplacedCallerProviderDecidesWhoWorksOnATask() throws Exception {
        assertThat(text(bob, "tasks/test-support/caller?groups=auditors"))
                .contains("provider=org.automations.it.TasksAuditorsCallerProvider", "group.auditors=true");
        long audit = start("audit")[1];

        assertThat(page(alice, "tasks/list.xhtml").getElementById("task-" + audit)).isNull();
        assertThat(page(alice, "tasks/form.xhtml?task=" + audit).getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(page(bob, "tasks/list.xhtml").getElementById("task-" + audit).asNormalizedText())
                .contains("Audit the books", "Audit (test)");

        HtmlForm form = page(bob, "tasks/form.xhtml?task=" + audit).getFormByName("form");
        form.getInputByName("form:f_note").setValue("Books are fine");
        HtmlPage done = form.getInputByName("form:submit").click();
        assertThat(done.getUrl().getPath()).isEqualTo(base.getPath() + "tasks/list.xhtml");
        assertThat(done.getElementById("task-" + audit)).isNull();
    }

    @Test
    void thePagesSpeakGerman() throws Exception {
        alice.addRequestHeader("Accept-Language", "de-DE,de;q=0.9");
        long details = start("expense")[1];
        HtmlPage list = page(alice, "tasks/list.xhtml");
        assertThat(list.asNormalizedText()).contains("Meine Aufgaben");
        HtmlPage form = page(alice, "tasks/form.xhtml?task=" + details);
        assertThat(form.asNormalizedText()).contains("Betrag (EUR)", "Zweck", "Absenden", "Bitte wählen");
        assertThat(((HtmlSelect) form.getElementById("form:f_category")).getOptionByValue("TRAVEL").getText()).isEqualTo("Reise");
        HtmlPage invalid = fillDetails(form, "1", "MEALS", "", "alice@example.org", LocalDate.now().toString(), false);
        assertThat(message(invalid, "purpose")).isEqualTo("darf nicht leer sein");
        assertThat(page(bob, "tasks/form.xhtml?task=" + details).asNormalizedText()).contains("No such task for you");
    }

    // ---------------------------------------------------------------- helpers

    private HtmlPage fillDetails(HtmlPage page, String amount, String category, String purpose, String email,
                                 String date, boolean card) throws Exception {
        HtmlForm form = page.getFormByName("form");
        form.getInputByName("form:f_amount").setValue(amount);
        HtmlSelect select = form.getSelectByName("form:f_category");
        if (category != null) {
            select.getOptionByValue(category).setSelected(true);
        }
        form.getTextAreaByName("form:f_purpose").setText(purpose);
        form.getInputByName("form:f_receiptEmail").setValue(email);
        form.getInputByName("form:f_spentOn").setValue(date);
        ((HtmlCheckBoxInput) form.getInputByName("form:f_paidWithCompanyCard")).setChecked(card);
        return form.getInputByName("form:submit").click();
    }

    private static String message(HtmlPage page, String property) {
        var element = page.getElementById("form:m_" + property);
        return element == null ? "" : element.asNormalizedText();
    }

    /** Starts an automation (as admin) and returns its instance id and its open form task's id. */
    private long[] start(String automation) throws Exception {
        String answer = text(admin, "tasks/test-support/start?automation=" + automation);
        Matcher matcher = STARTED.matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }

    private long openTask(long instance) throws Exception {
        Matcher matcher = Pattern.compile("task (\\d+) \\w+ open=true").matcher(text(admin, "tasks/test-support/instance?id=" + instance));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private String text(WebClient browser, String path) throws Exception {
        Page page = browser.getPage(new URL(base, path));
        assertThat(page.getWebResponse().getStatusCode()).as(path).isEqualTo(200);
        return page.getWebResponse().getContentAsString();
    }

    private HtmlPage page(WebClient browser, String path) throws Exception {
        return browser.getPage(new URL(base, path));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private WebClient logIn(String user) throws Exception {
        WebClient browser = HtmlUnitBrowser.open();
        browser.getOptions().setRedirectEnabled(true);
        HtmlPage login = browser.getPage(new URL(base, "tasks/list.xhtml"));
        HtmlForm form = login.getHtmlElementById("login");
        form.getInputByName("j_username").setValue(user);
        form.getInputByName("j_password").setValue(user);
        HtmlButton submit = login.getHtmlElementById("login-submit");
        HtmlPage list = submit.click();
        assertThat(list.getUrl().getPath()).isEqualTo(base.getPath() + "tasks/list.xhtml");
        return browser;
    }
}

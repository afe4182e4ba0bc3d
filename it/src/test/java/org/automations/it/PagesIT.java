package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;
import java.util.regex.Pattern;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import java.util.List;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
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
 * The pages of the run command, driven over HTTP against the real, unchanged EAR: the start page,
 * the example's registration form (with its validation messages), the login and the list of
 * automations.
 */
@ExtendWith(ArquillianExtension.class)
class PagesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = HtmlUnitBrowser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theStartPageAnswers() throws Exception {
        HtmlPage page = browser.getPage(base);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.asNormalizedText()).contains("Automations for Jakarta EE", "Register for a webinar");
        assertThat(browser.getPage(new URL(base, "jakarta.faces.resource/css/automations.css.xhtml?ln=automations"))
                .getWebResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void theRegistrationFormShowsItsErrorsThenStartsTheWorkflow() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        HtmlPage form = browser.getPage(new URL(base, "example/webinar.xhtml"));

        HtmlPage empty = submit(form, "", "");
        assertThat(empty.asNormalizedText()).contains("Please enter your name.", "Please enter your e-mail address.");

        HtmlPage badEmail = submit(empty, "Ada", "not-an-address");
        assertThat(badEmail.asNormalizedText())
                .contains("must be a well-formed email address")
                .doesNotContain("Please enter your name.")
                .doesNotContainPattern("not-an-address\\s+Welcome");

        HtmlPage done = submit(badEmail, "Ada", email);
        assertThat(done.getUrl().getPath()).endsWith("/example/webinar.xhtml");
        assertThat(done.asNormalizedText())
                .contains("Thank you, Ada: you are registered")
                .containsPattern(Pattern.quote(email) + "\\s+Welcome to our webinar, Ada");
    }

    @Test
    void theAutomationListNeedsAnAdministrator() throws Exception {
        HtmlPage login = browser.getPage(new URL(base, "admin/automations.xhtml"));
        assertThat(login.asNormalizedText()).contains("Log in", "User name");

        HtmlPage wrong = logIn(login, "admin", "wrong");
        assertThat(wrong.asNormalizedText()).contains("Unknown user name or wrong password.");

        HtmlPage forbidden = logIn(browser.getPage(new URL(base, "admin/automations.xhtml")), "alice", "alice");
        assertThat(forbidden.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(forbidden.asNormalizedText()).contains("You are not allowed to see this page.");
    }

    @Test
    void anAdministratorSeesTheAutomationsWithTheirTasks() throws Exception {
        submit(browser.getPage(new URL(base, "example/webinar.xhtml")), "Grace", "grace-" + UUID.randomUUID() + "@example.org");

        HtmlPage list = logIn(browser.getPage(new URL(base, "admin/automations.xhtml")), "admin", "admin");

        assertThat(list.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(list.asNormalizedText())
                .contains("Webinar preparation", "RUNNING", "sendWelcomeMail", "sendReminder", "waiting")
                .contains("admin");
    }

    @Test
    void loggingInFromAnAdministratorsLinkLandsOnThatPage() throws Exception {
        HtmlPage login = browser.getPage(new URL(base, "admin/dashboard.xhtml"));
        assertThat(login.getUrl().getPath()).endsWith("/login.xhtml");

        HtmlPage dashboard = logIn(login, "admin", "admin");

        assertThat(dashboard.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(dashboard.getUrl().getPath()).endsWith("/admin/dashboard.xhtml");
        assertThat(dashboard.asNormalizedText()).contains("Webinar preparation").doesNotContain("Something went wrong");
    }

    @Test
    void theAdministratorsApiStepsAndAnswersBadRequestsWithAReason() throws Exception {
        WebResponse anonymous = post("api/step");   // anonymous: the login page, the step does not run
        assertThat(anonymous.getContentAsString()).doesNotContain("\"ran\"").contains("j_password");

        logIn(browser.getPage(new URL(base, "admin/automations.xhtml")), "admin", "admin");
        WebResponse step = post("api/step");
        assertThat(step.getStatusCode()).isEqualTo(200);
        assertThat(step.getContentAsString()).matches("\\{\"ran\":\\d+}");
        WebResponse unknown = post("api/automations/999999999/retry");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("There is no automation instance 999999999");
        WebResponse noDays = post("api/history/delete");
        assertThat(noDays.getStatusCode()).isEqualTo(400);
        assertThat(noDays.getContentAsString()).contains("?days=N");
        assertThat(browser.getPage(new URL(base, "api/step")).getWebResponse().getStatusCode()).isEqualTo(405);
    }

    @Test
    void aUserMayNotUseTheAdministratorsApi() throws Exception {
        logIn(browser.getPage(new URL(base, "admin/automations.xhtml")), "alice", "alice");

        assertThat(post("api/step").getStatusCode()).isEqualTo(403);
    }

    @Test
    void theComponentsSendAMessageShowAStatusAndListTasks() throws Exception {
        HtmlPage subscribe = browser.getPage(new URL(base, "example/newsletter.xhtml"));
        String email = "reader-" + UUID.randomUUID() + "@example.org";
        HtmlForm form = subscribe.getFormByName("newsletter");
        form.getInputByName("newsletter:email").setValue(email);
        HtmlPage subscribed = form.getInputByName("newsletter:subscribe").click();

        HtmlPage confirmed = subscribed.getHtmlElementById("confirm-link").click();

        assertThat(confirmed.getHtmlElementById("status-email").asNormalizedText()).isEqualTo(email);
        assertThat(confirmed.getHtmlElementById("status-confirmed").asNormalizedText()).isEqualTo("yes");
        assertThat(confirmed.asNormalizedText()).contains("Newsletter subscription", "RUNNING");
        HtmlPage unknown = browser.getPage(new URL(base, "example/newsletter-confirm.xhtml?key=no-such-key"));
        assertThat(unknown.asNormalizedText()).contains("There is no such automation.");

        HtmlPage home = logIn(browser.getPage(new URL(base, "tasks/list.xhtml")), "bob", "bob");
        home = browser.getPage(base);
        assertThat(home.asNormalizedText()).contains("My tasks");
        assertThat(home.getElementById("my-tasks")).isNotNull();
    }

    @Test
    void aModelFormEditsTheEntityBoundToTheAutomation() throws Exception {
        String name = "Ada " + UUID.randomUUID().toString().substring(0, 8);
        HtmlForm open = browser.<HtmlPage>getPage(new URL(base, "example/customers.xhtml")).getFormByName("customers");
        open.getInputByName("customers:name").setValue(name);
        HtmlPage opened = open.getInputByName("customers:open").click();
        assertThat(opened.asNormalizedText()).contains("Customer " + name + " opened");

        HtmlPage tasks = logIn(browser.getPage(new URL(base, "tasks/list.xhtml")), "alice", "alice");
        List<HtmlAnchor> links = tasks.getByXPath("//li[contains(., 'Customer onboarding')]//a[contains(@href, 'form.xhtml?task=')]");
        assertThat(links).isNotEmpty();
        HtmlPage form = links.get(links.size() - 1).click();
        HtmlForm fields = form.getFormByName("form");
        assertThat(fields.getInputByName("form:f_name").getValue()).isEqualTo(name);   // the entity, read through the automation
        fields.getInputByName("form:f_email").setValue("not-an-address");
        HtmlPage invalid = fields.getInputByName("form:submit").click();
        assertThat(invalid.getElementById("form:m_email").asNormalizedText()).isNotBlank();

        HtmlForm again = invalid.getFormByName("form");
        again.getInputByName("form:f_email").setValue("ada@example.org");
        again.getInputByName("form:f_phone").setValue("+41 44 000 00 00");
        HtmlPage done = again.getInputByName("form:submit").click();
        assertThat(done.getUrl().getPath()).endsWith("/tasks/list.xhtml");

        HtmlPage customers = browser.getPage(new URL(base, "example/customers.xhtml"));
        assertThat(customers.asNormalizedText()).containsPattern(Pattern.quote(name) + "\\s+ada@example.org\\s+\\+41 44 000 00 00");
    }

    @Test
    void theStartAndExamplePagesSpeakGerman() throws Exception {
        browser.addRequestHeader("Accept-Language", "de");

        assertThat(browser.<HtmlPage>getPage(base).asNormalizedText()).contains("Automations für Jakarta EE", "Anmelden");
        assertThat(browser.<HtmlPage>getPage(new URL(base, "example/webinar.xhtml")).asNormalizedText())
                .contains("Für ein Webinar anmelden", "Gesendete Mails");
        assertThat(browser.<HtmlPage>getPage(new URL(base, "example/customers.xhtml")).asNormalizedText())
                .contains("Neueste Kunden", "Kunde anlegen");
        assertThat(browser.<HtmlPage>getPage(new URL(base, "example/newsletter.xhtml")).asNormalizedText())
                .contains("Newsletter abonnieren");
    }

    private WebResponse post(String path) throws Exception {
        return browser.loadWebResponse(new WebRequest(new URL(base, path), HttpMethod.POST));
    }

    private static HtmlPage submit(HtmlPage page, String name, String email) throws Exception {
        HtmlForm form = page.getFormByName("registration");
        form.getInputByName("registration:name").setValue(name);
        form.getInputByName("registration:email").setValue(email);
        HtmlSelect session = form.getSelectByName("registration:session");
        session.setSelectedAttribute(session.getOption(0), true);
        return form.getInputByName("registration:register").click();
    }

    private static HtmlPage logIn(HtmlPage login, String user, String password) throws Exception {
        return HtmlUnitBrowser.logIn(login, user, password);
    }
}

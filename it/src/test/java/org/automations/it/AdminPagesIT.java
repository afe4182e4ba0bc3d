package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administrators' pages over HTTP against the real EAR, with test automations added to its
 * EJB jar (one that loops, splits and can fail; one that waits an hour on the movable clock) and a
 * test-only fixture servlet that starts them and changes stored rows no page changes (an obsolete
 * class, a stranded task, an old finished instance).
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {

    private static final String TICK = "automations.tick.seconds";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        // the scheduler must not step instances behind the tests' back: "step now" is what is tested
        System.setProperty(TICK, "3600");
        return AdminDeployments.ear();
    }

    @AfterAll
    static void restoreTick() {
        System.clearProperty(TICK);
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

    // ---------------------------------------------------------------- access

    @Test
    void everyPageAnswersForAnAdministrator() throws Exception {
        long failed = fixtureId("showcase&failTimes=1");
        long firstTask = taskIds(failed)[0];
        logIn("admin", "admin");

        for (String page : List.of("admin/dashboard.xhtml", "admin/dashboard.xhtml?history=0", "admin/errors.xhtml",
                "admin/automations.xhtml", "admin/history.xhtml?id=" + failed, "admin/traceback.xhtml?task=" + firstTask,
                "admin/confirm.xhtml?op=step", "admin/confirm.xhtml?op=kill&id=" + failed,
                "admin/confirm.xhtml?op=deleteHistory&days=30", "admin/history.xhtml?id=999999999")) {
            HtmlPage answer = get(page);
            assertThat(answer.getWebResponse().getStatusCode()).as(page).isEqualTo(200);
            assertThat(answer.asNormalizedText()).as(page).doesNotContain("Something went wrong");
            assertThat((Object) answer.getFirstByXPath("//h1")).as(page).isNotNull();
        }
        assertThat(get("admin/history.xhtml?id=999999999").asNormalizedText())
                .contains("There is no automation instance with this number.");
    }

    @Test
    void aPlainUserIsForbiddenEveryPageAndAction() throws Exception {
        long failed = fixtureId("showcase&failTimes=1");
        logIn("alice", "alice");

        for (String page : List.of("admin/dashboard.xhtml", "admin/errors.xhtml", "admin/automations.xhtml",
                "admin/history.xhtml?id=" + failed, "admin/traceback.xhtml?task=" + taskIds(failed)[0],
                "admin/confirm.xhtml?op=step", "admin/confirm.xhtml?op=retry&id=" + failed,
                "admin/confirm.xhtml?op=kill&id=" + failed, "admin/confirm.xhtml?op=deleteHistory&days=0")) {
            assertThat(browser.getPage(new URL(base, page)).getWebResponse().getStatusCode()).as(page).isEqualTo(403);
        }
        for (String op : List.of("step", "retry", "kill", "deleteHistory")) {
            Page answer = post("admin/confirm.xhtml", "op", op, "id", String.valueOf(failed), "days", "0",
                    "confirm", "confirm", "confirm:yes", "yes");
            assertThat(answer.getWebResponse().getStatusCode()).as(op).isEqualTo(403);
        }
        assertThat(state(failed)).startsWith("FAILED ");
    }

    @Test
    void theAdministrationEjbChecksTheRoleItself() throws Exception {
        // the fixture servlet is not protected: an anonymous caller reaches the EJB, which refuses
        assertThat(fixture("probe")).isEqualTo("denied");
    }

    // ---------------------------------------------------------------- errors, history, traceback

    @Test
    void aFailedInstanceIsListedWithItsErrorAndItsTraceback() throws Exception {
        long failed = fixtureId("showcase&failTimes=1");
        logIn("admin", "admin");

        HtmlPage errors = get("admin/errors.xhtml");
        assertThat(errors.asNormalizedText()).contains("Admin showcase", "check", "java.lang.IllegalStateException: "
                + AdminShowcaseAutomation.FAILURE);
        assertThat(errors.getWebResponse().getContentAsString()).doesNotContain("<b>\"Ada\"");

        HtmlPage history = errors.getAnchorByHref(base.getPath() + "admin/history.xhtml?id=" + failed).click();
        assertThat(history.getElementById("state").getTextContent()).isEqualTo("FAILED");
        assertThat(history.asNormalizedText()).contains("java.lang.IllegalStateException: " + AdminShowcaseAutomation.FAILURE);
        assertThat(history.getWebResponse().getContentAsString())
                .doesNotContain("<b>\"Ada\"")
                .contains("&lt;b&gt;");

        List<HtmlAnchor> tracebacks = history.getByXPath("//a[@class='traceback-link']");
        assertThat(tracebacks).hasSize(1);
        HtmlPage traceback = tracebacks.get(0).click();
        DomElement pre = traceback.getElementById("traceback");
        assertThat(pre.getTagName()).isEqualTo("pre");
        assertThat(pre.getTextContent())
                .startsWith("java.lang.IllegalStateException: " + AdminShowcaseAutomation.FAILURE)
                .contains("at org.automations.it.AdminShowcaseAutomation.check");
        assertThat(pre.getChildElementCount()).isZero();
        assertThat(traceback.getWebResponse().getContentAsString()).contains("Check failed for &lt;b&gt;");
        assertThat(traceback.getElementById("back-to-history")).isNotNull();
    }

    @Test
    void aTaskWithoutErrorHasNoTraceback() throws Exception {
        long finished = fixtureId("showcase");
        logIn("admin", "admin");

        HtmlPage traceback = get("admin/traceback.xhtml?task=" + taskIds(finished)[0]);

        assertThat(traceback.getElementById("no-traceback").getTextContent()).contains("No traceback available");
        assertThat(traceback.getElementById("traceback")).isNull();
        assertThat(get("admin/traceback.xhtml?task=999999999").asNormalizedText()).contains("There is no task with this number.");
    }

    @Test
    void theHistoryUnrollsLoopsPutsPathsSideBySideAndDrawsTheFlowTaken() throws Exception {
        long id = fixtureId("showcase&risky=true");
        assertThat(state(id)).startsWith("FINISHED ");
        logIn("admin", "admin");

        HtmlPage history = get("admin/history.xhtml?id=" + id);

        // loops unrolled: every pass is a row
        assertThat(history.getByXPath("//div[contains(@class,'task-row') and @data-node='count']")).hasSize(2);
        assertThat(history.getByXPath("//div[contains(@class,'task-row') and @data-node='loop']")).hasSize(1);
        // the split's paths side by side, each with its own tasks (the risky path recovered from its error)
        List<DomElement> paths = history.getByXPath("//div[@class='paths']/div[contains(@class,'path ')]");
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).asNormalizedText()).contains("Path left", "left", "join").doesNotContain("recover");
        assertThat(paths.get(1).asNormalizedText()).contains("Path right", "right", "recover", "join",
                "java.lang.IllegalArgumentException: risky path failed");
        assertThat(paths.get(1).getByXPath(".//a[@class='traceback-link']")).hasSize(1);

        // the diagram: inline SVG, visited nodes and taken edges highlighted
        DomElement svg = history.getFirstByXPath("//div[@id='flow']/*[local-name()='svg']");
        assertThat(svg).isNotNull();
        assertThat(svg.getAttribute("class")).isEqualTo("flow-diagram");
        assertThat(classOf(svg, "g", "data-node", "count")).isEqualTo("node visited");
        assertThat(classOf(svg, "g", "data-node", "recover")).isEqualTo("node visited");
        assertThat(classOf(svg, "g", "data-node", "end")).isEqualTo("node visited");
        assertThat(svg.getByXPath(".//*[local-name()='g' and @class='node visited']")).hasSize(11);
        assertThat(edgeClass(svg, "loop", "count")).isEqualTo("edge taken");
        assertThat(edgeClass(svg, "right", "recover")).isEqualTo("edge taken");
        assertThat(edgeClass(svg, "enough", "loop")).isEqualTo("edge taken");
        assertThat(edgeClass(svg, "right", "join")).isEqualTo("edge");

        HtmlPage failed = get("admin/history.xhtml?id=" + fixtureId("showcase&failTimes=1"));
        DomElement failedSvg = failed.getFirstByXPath("//div[@id='flow']/*[local-name()='svg']");
        assertThat(classOf(failedSvg, "g", "data-node", "check")).isEqualTo("node failed");
        assertThat(classOf(failedSvg, "g", "data-node", "end")).isEqualTo("node unvisited");
    }

    // ---------------------------------------------------------------- actions: GET asks, POST does

    @Test
    void retryRunsOnlyAfterTheConfirmationIsPosted() throws Exception {
        long id = fixtureId("showcase&failTimes=1");
        logIn("admin", "admin");
        HtmlPage history = get("admin/history.xhtml?id=" + id);

        HtmlPage confirm = ((HtmlAnchor) history.getElementById("retry")).click();
        assertThat(confirm.getElementById("question").getTextContent()).contains("Retry instance #" + id, "Admin showcase");
        get("admin/confirm.xhtml?op=retry&id=" + id);
        post("admin/confirm.xhtml", "op", "retry", "id", String.valueOf(id));
        assertThat(state(id)).startsWith("FAILED ");

        HtmlPage done = confirm.getHtmlElementById("confirm:yes").click();

        assertThat(done.getElementById("action-result").getTextContent())
                .contains("Instance #" + id + " was retried", "is FINISHED");
        assertThat(state(id)).startsWith("FINISHED ");
        HtmlPage after = get("admin/history.xhtml?id=" + id);
        assertThat(after.getByXPath("//div[contains(@class,'task-row') and @data-node='check']")).hasSize(2);
        assertThat(after.getElementById("retry")).isNull();
    }

    @Test
    void killRemovesTheInstanceOnlyAfterTheConfirmationIsPosted() throws Exception {
        long id = fixtureId("waiting");
        logIn("admin", "admin");

        HtmlPage confirm = ((HtmlAnchor) get("admin/history.xhtml?id=" + id).getElementById("kill")).click();
        assertThat(confirm.getElementById("question").getTextContent()).contains("Kill instance #" + id);
        get("admin/confirm.xhtml?op=kill&id=" + id);
        post("admin/confirm.xhtml", "op", "kill", "id", String.valueOf(id));
        assertThat(state(id)).startsWith("RUNNING ");

        HtmlPage done = confirm.getHtmlElementById("confirm:yes").click();

        assertThat(done.getElementById("action-result").getTextContent()).contains("Instance #" + id + " and its history were removed.");
        assertThat(state(id)).isEqualTo("GONE");
    }

    @Test
    void stepNowRunsTheDueInstancesOnlyAfterTheConfirmationIsPosted() throws Exception {
        long id = fixtureId("waiting");
        fixture("advance&hours=2");
        logIn("admin", "admin");

        HtmlPage dashboard = get("admin/dashboard.xhtml");
        HtmlPage confirm = dashboard.getHtmlElementById("step-now").click();
        assertThat(confirm.getElementById("question").getTextContent()).contains("instances are due");
        get("admin/confirm.xhtml?op=step");
        post("admin/confirm.xhtml", "op", "step");
        assertThat(state(id)).startsWith("RUNNING ");

        HtmlPage done = confirm.getHtmlElementById("confirm:yes").click();

        assertThat(done.getElementById("action-result").getTextContent()).containsPattern("[1-9][0-9]* instances ran\\.");
        assertThat(state(id)).startsWith("FINISHED ");
    }

    @Test
    void deleteHistoryDeletesOnlyAfterTheConfirmationIsPosted() throws Exception {
        long old = fixtureId("showcase");
        long recent = fixtureId("showcase");
        fixture("age&id=" + old + "&days=400");
        logIn("admin", "admin");

        HtmlPage dashboard = get("admin/dashboard.xhtml");
        HtmlForm form = ((HtmlButton) dashboard.getElementById("delete-history")).getEnclosingForm();
        form.getInputByName("days").setValue("365");
        HtmlPage confirm = ((HtmlButton) dashboard.getElementById("delete-history")).click();
        assertThat(confirm.getElementById("question").getTextContent()).contains("more than 365 days ago", "That is 1 instances.");
        get("admin/confirm.xhtml?op=deleteHistory&days=365");
        post("admin/confirm.xhtml", "op", "deleteHistory", "days", "365");
        assertThat(state(old)).startsWith("FINISHED ");

        HtmlPage done = confirm.getHtmlElementById("confirm:yes").click();

        int tasks = Integer.parseInt(state(recent).split(" ")[1]);
        assertThat(done.getElementById("action-result").getTextContent())
                .contains("Deleted 1 instances and " + tasks + " tasks finished more than 365 days ago.");
        assertThat(state(old)).isEqualTo("GONE");
        assertThat(state(recent)).startsWith("FINISHED ");
    }

    // ---------------------------------------------------------------- dashboard

    @Test
    void theDashboardCountsPerClassAndShowsObsoleteClassesAndStrandedTasks() throws Exception {
        logIn("admin", "admin");
        long running = count(get("admin/dashboard.xhtml"), "dash-AdminWaitingAutomation", "count-running");
        long failed = count(get("admin/dashboard.xhtml"), "dash-AdminShowcaseAutomation", "count-failed");

        fixtureId("waiting");
        fixtureId("showcase&failTimes=1");
        long obsolete = fixtureId("obsolete");
        long stranded = fixtureId("stranded");
        HtmlPage dashboard = get("admin/dashboard.xhtml?history=30");

        assertThat(count(dashboard, "dash-AdminWaitingAutomation", "count-running")).isEqualTo(running + 2);
        assertThat(count(dashboard, "dash-AdminShowcaseAutomation", "count-failed")).isEqualTo(failed + 1);
        // the class's own template, with its dashboard context (escaped)
        DomElement board = dashboard.getFirstByXPath("//p[@class='showcase-board']");
        assertThat(board.getTextContent()).contains("label=<i>showcase</i>").containsPattern("shown=[1-9]");
        assertThat(dashboard.getWebResponse().getContentAsString()).contains("label=&lt;i&gt;showcase&lt;/i&gt;");
        // a class no longer deployed
        assertThat(dashboard.asNormalizedText()).contains("Obsolete automation " + AdminFixtureServlet.REMOVED_CLASS);
        assertThat(count(dashboard, "dash-RemovedAutomation", "count-running")).isGreaterThanOrEqualTo(1);
        // a task standing on a node that no longer exists
        DomElement strandedTable = dashboard.getElementById("stranded");
        assertThat(strandedTable.asNormalizedText()).contains("#" + stranded, AdminFixtureServlet.REMOVED_NODE,
                AdminWaitingAutomation.class.getName());
        HtmlPage obsoleteHistory = get("admin/history.xhtml?id=" + obsolete);
        assertThat(obsoleteHistory.asNormalizedText()).contains("Obsolete automation " + AdminFixtureServlet.REMOVED_CLASS);
        assertThat(obsoleteHistory.getElementById("no-flow")).isNotNull();
    }

    @Test
    void thePagesSpeakGerman() throws Exception {
        long failed = fixtureId("showcase&failTimes=1");
        browser.addRequestHeader("Accept-Language", "de");
        logIn("admin", "admin");

        assertThat(get("admin/dashboard.xhtml").asNormalizedText()).contains("Übersicht", "Gestrandete Aufgaben", "Jetzt weiterführen");
        assertThat(get("admin/errors.xhtml").asNormalizedText()).contains("Fehlgeschlagene Instanzen");
        assertThat(get("admin/history.xhtml?id=" + failed).asNormalizedText()).contains("Verlauf der Instanz #" + failed, "Ablauf");
        assertThat(get("admin/confirm.xhtml?op=kill&id=" + failed).asNormalizedText()).contains("beenden?", "Abbrechen");
    }

    // ---------------------------------------------------------------- helpers

    private void logIn(String user, String password) throws Exception {
        HtmlPage login = browser.getPage(new URL(base, "login.xhtml"));
        HtmlForm form = login.getHtmlElementById("login");
        form.getInputByName("j_username").setValue(user);
        form.getInputByName("j_password").setValue(password);
        HtmlButton submit = login.getHtmlElementById("login-submit");
        submit.click();
    }

    private HtmlPage get(String path) throws Exception {
        return browser.getPage(new URL(base, path));
    }

    private Page post(String path, String... parameters) throws Exception {
        WebRequest request = new WebRequest(new URL(base, path), HttpMethod.POST);
        List<NameValuePair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < parameters.length; i += 2) {
            pairs.add(new NameValuePair(parameters[i], parameters[i + 1]));
        }
        request.setRequestParameters(pairs);
        return browser.getPage(request);
    }

    private String fixture(String query) throws Exception {
        try (WebClient plain = new WebClient()) {
            return plain.getPage(new URL(base, "admin-fixture?op=" + query)).getWebResponse().getContentAsString().strip();
        }
    }

    private long fixtureId(String query) throws Exception {
        return Long.parseLong(fixture(query));
    }

    /** "STATE tasks firstTaskId [failedTaskId]" or "GONE". */
    private String state(long id) throws Exception {
        return fixture("state&id=" + id);
    }

    private long[] taskIds(long id) throws Exception {
        String[] parts = state(id).split(" ");
        return parts.length > 3 ? new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])} : new long[] {Long.parseLong(parts[2])};
    }

    private static long count(HtmlPage dashboard, String card, String cssClass) {
        DomNode node = dashboard.getFirstByXPath("//section[@id='" + card + "']//*[contains(@class,'" + cssClass + "')]");
        return node == null ? 0 : Long.parseLong(node.getTextContent().strip());
    }

    private static String classOf(DomElement svg, String element, String attribute, String value) {
        DomElement found = svg.getFirstByXPath(".//*[local-name()='" + element + "' and @" + attribute + "='" + value + "']");
        return found == null ? null : found.getAttribute("class");
    }

    private static String edgeClass(DomElement svg, String from, String to) {
        DomElement found = svg.getFirstByXPath(".//*[local-name()='g' and @data-from='" + from + "' and @data-to='" + to + "']");
        return found == null ? null : found.getAttribute("class");
    }
}

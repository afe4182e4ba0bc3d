package org.automations.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.automations.it.Deadline;
import org.automations.it.HtmlUnitBrowser;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One EAR for every server: the very EAR the Payara tests deploy runs on WildFly 39 (Hibernate,
 * its in-memory H2), with server-config/wildfly's one setting (integrated-jaspi off). WildFly is
 * unpacked from Maven Central by it/pom.xml and started in a process of its own.
 */
class WildFlyIT {

    private static final int PORT_OFFSET = 32000;
    private static final Path HOME = Path.of(System.getProperty("automations.wildfly.home", "target/wildfly/wildfly-39.0.1.Final"));
    private static Process server;
    private static URL base;

    private WebClient browser;

    @BeforeAll
    static void startWildFly() throws Exception {
        Path config = HOME.resolve("standalone/configuration/standalone.xml");
        // what server-config/wildfly/configure.cli does, written into the configuration before the start
        Files.writeString(config, withoutIntegratedJaspi(Files.readString(config)));
        Path deployments = HOME.resolve("standalone/deployments");
        try (Stream<Path> old = Files.list(deployments)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("automations.ear")).toList()) {
                Files.delete(file);
            }
        }
        Files.copy(Path.of(System.getProperty("automations.ear")), deployments.resolve("automations.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("sh", HOME.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET));
        server = new ProcessBuilder(command)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "wildfly.log").toFile())
                .start();
        Deadline.within(Duration.ofMinutes(3)).waitFor(
                () -> Files.exists(deployments.resolve("automations.ear.deployed"))
                        || Files.exists(deployments.resolve("automations.ear.failed")) || !server.isAlive(),
                "WildFly deployed the EAR");
        assertThat(deployments.resolve("automations.ear.deployed")).as("see it/target/wildfly.log").exists();
        base = new URL("http://localhost:" + (8080 + PORT_OFFSET) + "/automations/");
    }

    /** Sets integrated-jaspi="false" on undertow's application security domain (the EJB subsystem has one too). */
    static String withoutIntegratedJaspi(String standaloneXml) {
        String domain = "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"";
        int undertow = standaloneXml.indexOf("urn:jboss:domain:undertow");
        int at = standaloneXml.indexOf(domain + "/>", undertow);
        if (undertow < 0 || at < 0) {
            return standaloneXml;   // already set (a second run on the same unpacked server)
        }
        return standaloneXml.substring(0, at) + domain + " integrated-jaspi=\"false\"/>"
                + standaloneXml.substring(at + domain.length() + 2);
    }

    @AfterAll
    static void stopWildFly() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = HtmlUnitBrowser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theStartPageAndTheExamplesAnswer() throws IOException {
        for (String page : List.of("", "example/webinar.xhtml", "example/customers.xhtml", "example/newsletter.xhtml")) {
            assertThat(browser.getPage(new URL(base, page)).getWebResponse().getStatusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void aCustomerOpenedOnThePageBecomesATaskInAlicesList() throws IOException {
        String name = "Grace " + UUID.randomUUID().toString().substring(0, 8);
        HtmlForm open = browser.<HtmlPage>getPage(new URL(base, "example/customers.xhtml")).getFormByName("customers");
        open.getInputByName("customers:name").setValue(name);
        HtmlPage opened = open.getInputByName("customers:open").click();
        assertThat(opened.asNormalizedText()).contains("Customer " + name + " opened");

        HtmlPage tasks = HtmlUnitBrowser.logIn(browser.getPage(new URL(base, "tasks/list.xhtml")), "alice", "alice");

        List<HtmlAnchor> links = tasks.getByXPath("//li[contains(., 'Customer onboarding')]//a[contains(@href, 'form.xhtml?task=')]");
        assertThat(links).isNotEmpty();
        HtmlPage task = links.get(links.size() - 1).click();
        assertThat(task.getFormByName("form").getInputByName("form:f_name").getValue()).isEqualTo(name);
    }
}

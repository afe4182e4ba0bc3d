package org.automations.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.it.Deadline;
import org.automations.it.Deployments;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two servers (embedded Payara, each in a JVM of its own, on loopback) share one PostgreSQL and
 * step 2,000 automations with waits, a split and a join: every task runs exactly once and none is
 * lost, also when one server is killed with SIGKILL mid-run. Runs in the PostgreSQL leg only
 * (it/pom.xml), where {@code automations.it.postgres.url} is set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int INSTANCES = 2000;
    private static final String CLASS = ClusterAutomation.class.getName();
    private static final Path WORK = Path.of("target", "cluster").toAbsolutePath();

    private static Server serverA;
    private static Server serverB;

    /** One server JVM and its HTTP port. */
    private record Server(String name, Process process, int httpPort) {
    }

    @BeforeAll
    static void startServers() throws Exception {
        Files.createDirectories(WORK);
        Path ear = WORK.resolve("automations-cluster.ear");
        Deployments.earWith(new Class<?>[] {ClusterLoadServlet.class}, new Class<?>[] {ClusterAutomation.class})
                .as(ZipExporter.class).exportTo(ear.toFile(), true);
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS IT_TASK_RUNS (AUTOMATION_ID BIGINT NOT NULL, NODE VARCHAR(100) NOT NULL,"
                    + " SERVER VARCHAR(100))");
        }
        serverA = start("A", ear, 10000);
        serverB = start("B", ear, 20000);
        for (Server server : List.of(serverA, serverB)) {
            Path log = WORK.resolve("server-" + server.name() + ".log");
            Deadline.within(Duration.ofMinutes(3)).waitFor(() -> read(log).contains("READY") || !server.process().isAlive()
                    || read(log).contains("DEPLOYMENT FAILED"), "server " + server.name() + " is ready");
            assertThat(read(log)).as("server " + server.name() + " log").contains("READY");
        }
    }

    @AfterAll
    static void stopServers() {
        for (Server server : new Server[] {serverA, serverB}) {
            if (server != null) {
                server.process().destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void twoServersStepEveryTaskExactlyOnce() throws Exception {
        clean();
        load(serverA, INSTANCES / 2);
        load(serverB, INSTANCES / 2);

        Deadline.within(Duration.ofMinutes(4)).waitFor(() -> finished() == INSTANCES, INSTANCES + " automations finished");

        assertExactlyOnce();
        assertThat(runsBy("A")).isPositive();
        assertThat(runsBy("B")).isPositive();
    }

    @Test
    @Order(2)
    void whenAServerIsKilledMidRunTheOtherFinishesEverythingOnce() throws Exception {
        clean();
        load(serverA, INSTANCES / 2);
        load(serverB, INSTANCES / 2);
        Deadline.within(Duration.ofMinutes(2)).waitFor(() -> runsBy("A") >= 500, "server A has run 500 tasks");

        serverA.process().destroyForcibly().waitFor();   // SIGKILL: no shutdown, open transactions die with it

        Deadline.within(Duration.ofMinutes(4)).waitFor(() -> finished() == INSTANCES,
                INSTANCES + " automations finished after server A died");
        assertExactlyOnce();
    }

    private static void assertExactlyOnce() throws SQLException {
        // start, left, right and last record a run each; every one exactly once
        assertThat(query("SELECT COUNT(*) FROM IT_TASK_RUNS")).isEqualTo(4L * INSTANCES);
        assertThat(query("SELECT COUNT(*) FROM (SELECT AUTOMATION_ID, NODE FROM IT_TASK_RUNS"
                + " GROUP BY AUTOMATION_ID, NODE HAVING COUNT(*) > 1) DUPLICATES")).isZero();
        assertThat(query("SELECT COUNT(DISTINCT AUTOMATION_ID) FROM IT_TASK_RUNS")).isEqualTo(INSTANCES);
        assertThat(query("SELECT COUNT(*) FROM ATM_TASK T JOIN ATM_AUTOMATION A ON A.ID = T.AUTOMATION_ID"
                + " WHERE A.AUTOMATION_CLASS = '" + CLASS + "' AND T.FINISHED IS NULL")).isZero();
    }

    private static Server start(String name, Path ear, int portOffset) throws IOException {
        String domain = Files.readString(Path.of(System.getProperty("payara.domain.xml")));
        Matcher ports = Pattern.compile("port=\"(\\d+)\"").matcher(domain);
        StringBuilder moved = new StringBuilder();
        while (ports.find()) {
            ports.appendReplacement(moved, "port=\"" + (Integer.parseInt(ports.group(1)) + portOffset) + "\"");
        }
        ports.appendTail(moved);
        Matcher jms = Pattern.compile("JMS_PROVIDER_PORT\" value=\"(\\d+)\"").matcher(moved);
        String config = (jms.find() ? jms.replaceFirst("JMS_PROVIDER_PORT\" value=\"" + (Integer.parseInt(jms.group(1)) + portOffset) + "\"")
                : moved.toString())
                // each server on its own: no Hazelcast cluster between them (claims in the database coordinate them)
                .replace("<hazelcast-runtime-configuration ", "<hazelcast-runtime-configuration enabled=\"false\" ");
        Path domainXml = WORK.resolve("domain-" + name + ".xml");
        Files.writeString(domainXml, config);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx640m");
        for (String flag : System.getProperty("payara.jdk17.flags").trim().split("\\s+")) {
            command.add(flag);
        }
        command.add("-Dautomations.server.id=" + name);
        command.add("-Dautomations.tick.seconds=1");
        command.add("-Dautomations.lease.seconds=5");
        command.add("-Dautomations.it.postgres.url=" + System.getProperty("automations.it.postgres.url"));
        command.add("-Dautomations.it.postgres.user=" + System.getProperty("automations.it.postgres.user"));
        command.add("-Dautomations.it.postgres.password=" + System.getProperty("automations.it.postgres.password"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterServer.class.getName());
        command.add(ear.toString());
        command.add(domainXml.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("server-" + name + ".log").toFile())
                .start();
        Matcher http = Pattern.compile("<network-listener [^>]*port=\"(\\d+)\"[^>]*name=\"http-listener\"").matcher(config);
        int httpPort = http.find() ? Integer.parseInt(http.group(1)) : 28080 + portOffset;
        return new Server(name, process, httpPort);
    }

    private static void load(Server server, int n) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.httpPort() + "/automations/it-cluster-load?n=" + n))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void clean() throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM IT_TASK_RUNS");
            sql.execute("DELETE FROM ATM_TASK WHERE AUTOMATION_ID IN (SELECT ID FROM ATM_AUTOMATION WHERE AUTOMATION_CLASS = '"
                    + CLASS + "')");
            sql.execute("DELETE FROM ATM_AUTOMATION WHERE AUTOMATION_CLASS = '" + CLASS + "'");
        }
    }

    private static long finished() {
        try {
            return query("SELECT COUNT(*) FROM ATM_AUTOMATION WHERE AUTOMATION_CLASS = '" + CLASS + "' AND STATE = 'FINISHED'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long runsBy(String server) {
        try {
            return query("SELECT COUNT(*) FROM IT_TASK_RUNS WHERE SERVER = '" + server + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long query(String sql) throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("automations.it.postgres.url"),
                System.getProperty("automations.it.postgres.user"), System.getProperty("automations.it.postgres.password"));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}

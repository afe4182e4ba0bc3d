package org.automations.benchmark;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.naming.InitialContext;
import org.glassfish.embeddable.BootstrapProperties;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

/**
 * Runs the benchmark in a JVM of its own (forked by the {@code benchmark} profile): builds the
 * benchmark's deployment (the product's EAR with the benchmark's automations and driver added to
 * automations-ejb.jar), starts embedded Payara on the 5xxxx ports with the default datasource on
 * H2 or PostgreSQL, runs each scenario through the driver EJB and prints its JSON lines on stdout.
 * Everything else (Payara's log, stack traces) goes to {@code target/benchmark/server.log}.
 *
 * <p>System properties: {@code benchmark.ear}, {@code benchmark.domain} (the domain.xml template),
 * {@code benchmark.schema} (server-config/sql/postgresql.sql), {@code benchmark.classes} (where the
 * driver's classes are), {@code benchmark.work}, {@code benchmark.db} ({@code h2} or a PostgreSQL
 * JDBC URL), {@code benchmark.user}, {@code benchmark.password}, {@code benchmark.n}.
 */
public final class BenchmarkMain {

    static final String APP_PACKAGE = "org/automations/benchmark/app/";
    static final String EJB_JAR = "automations-ejb.jar";
    static final List<String> SCENARIOS = List.of("linear10", "split_join", "linear10_concurrent",
            "tick_with_timer_waiting", "tick_with_form_waiting", "start_latency", "statements");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream results = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Path work = Path.of(required("benchmark.work"));
        deleteTree(work);
        Files.createDirectories(work);
        Path log = work.resolve("server.log");
        PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8);
        System.setOut(logStream);
        System.setErr(logStream);

        int status = 1;
        try {
            status = run(work, results);
        } catch (Throwable e) {
            e.printStackTrace(logStream);
            errors.println("benchmark failed: " + e + " (see " + log + ")");
        } finally {
            logStream.flush();
            errors.flush();
            results.flush();
            System.exit(status);
        }
    }

    private static int run(Path work, PrintStream results) throws Exception {
        String db = System.getProperty("benchmark.db", "h2").strip();
        int n = Integer.parseInt(System.getProperty("benchmark.n", "1000").strip());
        boolean postgres = db.startsWith("jdbc:postgresql:");
        if (!postgres && !db.equals("h2")) {
            throw new IllegalArgumentException("benchmark.db must be h2 or a jdbc:postgresql: URL, not " + db);
        }
        String user = System.getProperty("benchmark.user", "automations");
        String password = System.getProperty("benchmark.password", "automations");
        if (postgres) {
            preparePostgres(db, user, password, Path.of(required("benchmark.schema")));
        }

        Path ear = work.resolve("automations-benchmark.ear");
        buildEar(Path.of(required("benchmark.ear")), Path.of(required("benchmark.classes")), ear);
        Path domain = work.resolve("domain.xml");
        Files.writeString(domain, Files.readString(Path.of(required("benchmark.domain")))
                .replace("@benchmark.default.pool@", postgres ? postgresPool(db, user, password) : H2_POOL));

        GlassFishProperties properties = new GlassFishProperties();
        properties.setConfigFileURI(domain.toUri().toString());
        properties.setProperty("glassfish.embedded.tmpdir", work.toString());
        GlassFishRuntime runtime = GlassFishRuntime.bootstrap(new BootstrapProperties());
        GlassFish glassfish = runtime.newGlassFish(properties);
        glassfish.start();
        String name = glassfish.getDeployer().deploy(ear.toUri(), "--name=automations");
        if (name == null) {
            throw new IllegalStateException("deployment of " + ear + " failed");
        }
        Object driver = new InitialContext().lookup(
                "java:global/automations/automations-ejb/BenchmarkDriver!org.automations.benchmark.app.BenchmarkDriver");
        Method scenario = driver.getClass().getMethod("run", String.class, String.class, int.class);
        String label = postgres ? "postgresql" : "h2";

        boolean verified = true;
        String chosen = System.getProperty("benchmark.scenarios", "all").strip();
        List<String> scenarios = chosen.isEmpty() || chosen.equals("all") ? SCENARIOS
                : List.of(chosen.split("\\s*,\\s*"));
        call(scenario, driver, "warmup", label, n);
        for (String each : scenarios) {
            String lines = call(scenario, driver, each, label, n);
            for (String line : lines.split("\n")) {
                if (!line.isBlank()) {
                    results.println(line);
                    verified &= line.contains("\"verified\":true");
                }
            }
        }
        glassfish.stop();
        glassfish.dispose();
        runtime.shutdown();
        return verified ? 0 : 3;
    }

    private static String call(Method scenario, Object driver, String name, String db, int n) throws Exception {
        System.out.println("---- benchmark scenario " + name + " (n = " + n + ", db = " + db + ")");
        try {
            return (String) scenario.invoke(driver, name, db, n);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("scenario " + name + " failed: " + e.getCause(), e.getCause());
        }
    }

    // ---------------------------------------------------------------- the deployment

    /** The product's EAR with the benchmark's classes added to its EJB module. */
    static void buildEar(Path productEar, Path classes, Path target) throws IOException {
        if (!Files.isRegularFile(productEar)) {
            throw new IllegalStateException("No EAR at " + productEar + ": build it first (the benchmark profile"
                    + " builds it when run with -pl benchmark -am)");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(productEar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            boolean found = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(EJB_JAR)) {
                    found = true;
                    addClasses(in, classes, out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!found) {
                throw new IllegalStateException(productEar + " has no " + EJB_JAR);
            }
        }
    }

    private static void addClasses(InputStream ejbJar, Path classes, OutputStream target) throws IOException {
        ZipInputStream in = new ZipInputStream(ejbJar);
        ZipOutputStream out = new ZipOutputStream(target);
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            out.putNextEntry(new ZipEntry(entry.getName()));
            in.transferTo(out);
            out.closeEntry();
        }
        Path app = classes.resolve(APP_PACKAGE);
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        out.finish();   // not close(): the EAR's stream goes on
    }

    // ---------------------------------------------------------------- the database

    static final String H2_POOL = "<jdbc-connection-pool is-isolation-level-guaranteed=\"false\" name=\"H2Pool\""
            + " datasource-classname=\"org.h2.jdbcx.JdbcDataSource\" res-type=\"javax.sql.DataSource\">"
            + "<property name=\"URL\" value=\"jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/embedded_default;AUTO_SERVER=TRUE\" />"
            + "</jdbc-connection-pool>";

    static String postgresPool(String url, String user, String password) {
        return "<jdbc-connection-pool is-isolation-level-guaranteed=\"false\" name=\"H2Pool\""
                + " datasource-classname=\"org.postgresql.ds.PGSimpleDataSource\" res-type=\"javax.sql.DataSource\""
                + " steady-pool-size=\"8\" max-pool-size=\"32\">"
                + "<property name=\"URL\" value=\"" + xml(url) + "\" />"
                + "<property name=\"User\" value=\"" + xml(user) + "\" />"
                + "<property name=\"Password\" value=\"" + xml(password) + "\" />"
                + "</jdbc-connection-pool>";
    }

    /** Applies the product's schema (idempotent) and removes what earlier benchmark runs left. */
    static void preparePostgres(String url, String user, String password, Path schema) throws IOException, SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            StringBuilder withoutComments = new StringBuilder();
            for (String line : Files.readAllLines(schema)) {
                int comment = line.indexOf("--");
                withoutComments.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            }
            for (String statement : withoutComments.toString().split(";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
            String benchmark = "(SELECT ID FROM ATM_AUTOMATION WHERE AUTOMATION_CLASS LIKE 'org.automations.benchmark.%')";
            sql.execute("DELETE FROM ATM_TASK WHERE AUTOMATION_ID IN " + benchmark);
            sql.execute("DELETE FROM ATM_AUTOMATION WHERE ID IN " + benchmark);
            sql.execute("VACUUM ANALYZE ATM_AUTOMATION");
            sql.execute("VACUUM ANALYZE ATM_TASK");
        }
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    // ---------------------------------------------------------------- misc

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is not set");
        }
        return value;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package org.automations.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.glassfish.embeddable.BootstrapProperties;
import org.glassfish.embeddable.CommandResult;
import org.glassfish.embeddable.Deployer;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

/**
 * Serves the Automations EAR with embedded Payara until the JVM is stopped (Ctrl-C).
 *
 * <p>Run from the project root with {@code mvn -B -Prun package}. The EAR is taken from the
 * system property {@code automations.ear} if set, otherwise {@code ear/target/automations.ear}
 * is looked up from the working directory upwards. The HTTP port is {@code automations.http.port}
 * (default 8080). With {@code -Dautomations.exitWithParent=true} (set by the Maven profile) the
 * server also stops when the process that started it ends.
 */
public final class EmbeddedPayaraLauncher {

    static final String EAR_PROPERTY = "automations.ear";
    static final String PORT_PROPERTY = "automations.http.port";
    static final String RELATIVE_EAR = "ear/target/automations.ear";
    /** When true, the server also stops when the parent process (the Maven JVM) goes away. */
    static final String EXIT_WITH_PARENT_PROPERTY = "automations.exitWithParent";

    private EmbeddedPayaraLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path ear = locateEar();
        int port = Integer.getInteger(PORT_PROPERTY, 8080);

        GlassFishRuntime runtime = GlassFishRuntime.bootstrap(new BootstrapProperties());
        GlassFishProperties properties = new GlassFishProperties();
        properties.setPort("http-listener", port);
        GlassFish glassfish = runtime.newGlassFish(properties);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Automations ...");
            try {
                glassfish.stop();
                glassfish.dispose();
                runtime.shutdown();
            } catch (Exception e) {
                System.err.println("Error while stopping embedded Payara: " + e);
            } finally {
                stopped.countDown();
            }
        }, "automations-shutdown"));

        if (Boolean.getBoolean(EXIT_WITH_PARENT_PROPERTY)) {
            // `kill <maven pid>` must not leave an orphaned server holding port 8080
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                System.out.println("Parent process " + parent.pid() + " ended.");
                System.exit(0);
            }));
        }

        glassfish.start();
        // Groups from the identity store become roles of the same name (see server-config/README.md).
        CommandResult mapping = glassfish.getCommandRunner().run("set",
                "configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true");
        if (mapping.getExitStatus() == CommandResult.ExitStatus.FAILURE) {
            System.err.println("Could not enable the default principal-to-role mapping: " + mapping.getOutput());
            System.exit(1);
        }
        Deployer deployer = glassfish.getDeployer();
        String name = deployer.deploy(ear.toUri(), "--name=automations", "--force=true");
        if (name == null) {
            System.err.println("Deployment of " + ear + " failed, see the log above.");
            System.exit(1);
        }

        System.out.println();
        System.out.println("Automations is running at http://localhost:" + port
                + "/automations/ — press Ctrl-C to stop");
        System.out.println();
        stopped.await();
    }

    private static Path locateEar() {
        String override = System.getProperty(EAR_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path path = Paths.get(override).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                fail("No EAR at " + path + " (system property " + EAR_PROPERTY + ").");
            }
            return path;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_EAR);
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        fail("Could not find " + RELATIVE_EAR.replace('/', File.separatorChar)
                + " from " + Paths.get("").toAbsolutePath()
                + ": build it first (mvn -B -Prun package from the project root) or pass -D"
                + EAR_PROPERTY + "=/path/to/automations.ear");
        return null;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}

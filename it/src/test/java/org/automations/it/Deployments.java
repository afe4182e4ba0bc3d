package org.automations.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments for the integration tests: always the real EAR built by the {@code ear} module
 * ({@code ear/target/automations.ear}), optionally with test classes added to its modules.
 *
 * <p>The EAR's location comes from the system property {@code automations.ear} (set by failsafe),
 * falling back to {@code ../ear/target/automations.ear} relative to the working directory (the
 * {@code it} module's basedir).
 */
public final class Deployments {

    public static final String EAR_PROPERTY = "automations.ear";
    /** The WAR's name must stay {@code automations.war}: Arquillian's Payara adapter finds its
     *  test servlet through the WAR named after the context root {@code /automations}. */
    public static final String WAR = "automations.war";
    public static final String EJB_JAR = "automations-ejb.jar";

    private Deployments() {
    }

    /** The real EAR, unchanged. */
    public static EnterpriseArchive ear() {
        File file = earFile();
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
    }

    /**
     * The real EAR with {@code warClasses} added to {@code automations.war}'s WEB-INF/classes and
     * {@code ejbClasses} added to {@code automations-ejb.jar}. The nested archives are re-packaged,
     * so the additions really are in the deployed modules.
     */
    public static EnterpriseArchive earWith(Class<?>[] warClasses, Class<?>[] ejbClasses) {
        EnterpriseArchive ear = ear();
        if (warClasses != null && warClasses.length > 0) {
            WebArchive war = nested(ear, WAR, WebArchive.class);
            war.addClasses(warClasses);
            replace(ear, war);
        }
        if (ejbClasses != null && ejbClasses.length > 0) {
            JavaArchive ejb = nested(ear, EJB_JAR, JavaArchive.class);
            ejb.addClasses(ejbClasses);
            replace(ear, ejb);
        }
        return ear;
    }

    static File earFile() {
        String configured = System.getProperty(EAR_PROPERTY);
        Path path = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get("..", "ear", "target", "automations.ear");
        File file = path.toAbsolutePath().normalize().toFile();
        if (!file.isFile()) {
            throw new IllegalStateException("No EAR at " + file
                    + ": build it first (run the whole reactor, e.g. `mvn verify` from the project root,"
                    + " or `mvn verify -pl it -am`).");
        }
        return file;
    }

    private static <A extends org.jboss.shrinkwrap.api.Archive<A>> A nested(
            EnterpriseArchive ear, String name, Class<A> type) {
        ArchivePath path = ArchivePaths.create("/", name);
        Node node = ear.get(path);
        if (node == null || node.getAsset() == null) {
            throw new IllegalStateException(ear.getName() + " has no module " + name
                    + "; it contains: " + ear.getContent().keySet());
        }
        try (InputStream in = node.getAsset().openStream()) {
            return ShrinkWrap.create(ZipImporter.class, name).importFrom(in).as(type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name + " from " + ear.getName(), e);
        }
    }

    private static void replace(EnterpriseArchive ear, org.jboss.shrinkwrap.api.Archive<?> module) {
        ear.delete(ArchivePaths.create("/", module.getName()));
        ear.add(module, "/", ZipExporter.class);
    }
}

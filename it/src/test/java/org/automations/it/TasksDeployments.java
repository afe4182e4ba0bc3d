package org.automations.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The tasks tests' deployment: {@link Deployments#earWith} plus classes that extend the WAR's own
 * classes. The {@code it} module does not have the WAR's classes on its compile classpath (only
 * the engine's and the examples'), so such a class is kept here as source and compiled when the
 * deployment is made, against the {@code WEB-INF/classes} of the very WAR it goes into.
 */
final class TasksDeployments {

    /**
     * The application's replacement of {@code org.automations.web.tasks.CallerProvider} (the
     * counterpart of the spec's {@code ATM_GROUP_MODEL}): an "organisation" that makes bob an
     * auditor, a group the identity store knows nothing about. Everything else is decided as by
     * the container.
     */
    static final String AUDITORS_CALLER_PROVIDER = """
            package org.automations.it;

            import jakarta.annotation.Priority;
            import jakarta.enterprise.context.ApplicationScoped;
            import jakarta.enterprise.inject.Alternative;
            import jakarta.interceptor.Interceptor;
            import org.automations.engine.Caller;
            import org.automations.web.tasks.CallerProvider;

            @Alternative
            @Priority(Interceptor.Priority.APPLICATION + 10)
            @ApplicationScoped
            public class TasksAuditorsCallerProvider extends CallerProvider {

                @Override
                public Caller caller() {
                    Caller container = super.caller();
                    if (container == null || !"bob".equals(container.name())) {
                        return container;
                    }
                    return new Caller() {
                        @Override public String name() { return container.name(); }
                        @Override public boolean isInGroup(String group) { return "auditors".equals(group) || container.isInGroup(group); }
                        @Override public java.util.Set<String> groups() {
                            java.util.Set<String> groups = new java.util.HashSet<>(container.groups());
                            groups.add("auditors");
                            return groups;
                        }
                        @Override public boolean hasPermission(String permission) { return container.hasPermission(permission); }
                        @Override public boolean isAdministrator() { return container.isAdministrator(); }
                    };
                }
            }
            """;

    private TasksDeployments() {
    }

    /** The real EAR with the classes added, and the sources compiled into its WAR. */
    static EnterpriseArchive earWith(Class<?>[] warClasses, Class<?>[] ejbClasses, Map<String, String> warSources) {
        EnterpriseArchive ear = Deployments.earWith(warClasses, ejbClasses);
        if (warSources.isEmpty()) {
            return ear;
        }
        ArchivePath path = ArchivePaths.create("/", Deployments.WAR);
        Node node = ear.get(path);
        WebArchive war;
        try (InputStream in = node.getAsset().openStream()) {
            war = ShrinkWrap.create(ZipImporter.class, Deployments.WAR).importFrom(in).as(WebArchive.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path classes = extractClasses(war);
        compile(warSources, classes).forEach((name, bytes) ->
                war.add(new ByteArrayAsset(bytes), "WEB-INF/classes/" + name.replace('.', '/') + ".class"));
        ear.delete(path);
        ear.add(war, "/", ZipExporter.class);
        return ear;
    }

    private static Path extractClasses(WebArchive war) {
        try {
            Path dir = Files.createTempDirectory("tasks-war-classes");
            war.getContent().forEach((archivePath, node) -> {
                String name = archivePath.get();
                if (name.startsWith("/WEB-INF/classes/") && name.endsWith(".class") && node.getAsset() != null) {
                    Path target = dir.resolve(name.substring("/WEB-INF/classes/".length()));
                    try (InputStream in = node.getAsset().openStream()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> compile(Map<String, String> sources, Path warClasses) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("The tests need a JDK (javax.tools) to compile the WAR's test classes");
        }
        Map<String, ByteArrayOutputStream> output = new HashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("bytes:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public java.io.OutputStream openOutputStream() {
                        return output.computeIfAbsent(className, c -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        String classpath = System.getProperty("java.class.path") + File.pathSeparator + warClasses;
        StringBuilder problems = new StringBuilder();
        boolean ok = compiler.getTask(new java.io.StringWriter() {
            @Override
            public void write(String text) {
                problems.append(text);
            }
        }, files, diagnostic -> problems.append(diagnostic).append('\n'),
                List.of("-classpath", classpath, "-proc:none", "--release", "17"), null, units).call();
        if (!ok) {
            throw new IllegalStateException("Could not compile the WAR's test classes:\n" + problems);
        }
        Map<String, byte[]> classes = new HashMap<>();
        output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}

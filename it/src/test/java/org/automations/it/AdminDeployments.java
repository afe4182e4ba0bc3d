package org.automations.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The administrators' test deployment: the real EAR with the admin fixtures and a dashboard template. */
final class AdminDeployments {

    /** The showcase automation's own dashboard item: its counts and its context (the label must come out escaped). */
    static final String SHOWCASE_DASHBOARD = """
            <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets">
              <h2>Showcase board</h2>
              <p class="showcase-board">shown=#{context.shown} label=#{context.label} failed=<span class="count-failed">#{counts.failed()}</span> running=<span class="count-running">#{counts.running()}</span></p>
            </ui:composition>
            """;

    private AdminDeployments() {
    }

    static EnterpriseArchive ear(Class<?>... warTestClasses) {
        Class<?>[] war = new Class<?>[warTestClasses.length + 1];
        war[0] = AdminFixtureServlet.class;
        System.arraycopy(warTestClasses, 0, war, 1, warTestClasses.length);
        EnterpriseArchive ear = Deployments.earWith(war, new Class<?>[] {
                MovableEngineClock.class, AdminShowcaseAutomation.class, AdminWaitingAutomation.class, AdminTestData.class});
        WebArchive webArchive = nested(ear, Deployments.WAR, WebArchive.class);
        for (Map.Entry<String, String> page : Map.of(AdminShowcaseAutomation.DASHBOARD_TEMPLATE, SHOWCASE_DASHBOARD).entrySet()) {
            webArchive.add(new StringAsset(page.getValue()), page.getKey());
        }
        ear.delete(ArchivePaths.create("/", Deployments.WAR));
        ear.add(webArchive, "/", ZipExporter.class);
        return ear;
    }

    private static <A extends org.jboss.shrinkwrap.api.Archive<A>> A nested(EnterpriseArchive ear, String name, Class<A> type) {
        ArchivePath path = ArchivePaths.create("/", name);
        Node node = ear.get(path);
        try (InputStream in = node.getAsset().openStream()) {
            return ShrinkWrap.create(ZipImporter.class, name).importFrom(in).as(type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

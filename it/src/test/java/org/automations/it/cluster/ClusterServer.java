package org.automations.it.cluster;

import java.io.File;
import org.glassfish.embeddable.BootstrapProperties;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

/**
 * One server of the cluster test: embedded Payara in a JVM of its own, with its own domain.xml
 * (its own ports, the shared PostgreSQL), serving the given EAR until it is killed.
 * Arguments: the EAR, the domain.xml.
 */
public final class ClusterServer {

    private ClusterServer() {
    }

    public static void main(String[] args) throws Exception {
        GlassFishProperties properties = new GlassFishProperties();
        properties.setConfigFileURI(new File(args[1]).toURI().toString());
        GlassFish glassfish = GlassFishRuntime.bootstrap(new BootstrapProperties()).newGlassFish(properties);
        glassfish.start();
        String name = glassfish.getDeployer().deploy(new File(args[0]).toURI(), "--name=automations");
        System.out.println(name == null ? "DEPLOYMENT FAILED" : "READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}

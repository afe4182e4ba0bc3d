package org.automations.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An invalid automation class fails the deployment, naming the class, the node and the fix. The
 * embedded server reports a failed deployment in its log rather than to the deployer, so the test
 * reads the server's log (the server runs in this JVM).
 */
@ExtendWith(ArquillianExtension.class)
class InvalidAutomationIT {

    private static final String BROKEN = "broken";

    @Deployment(name = BROKEN, managed = false, testable = false)
    static EnterpriseArchive broken() {
        return Deployments.earWith(new Class<?>[0], new Class<?>[] {BrokenAutomation.class});
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void anAutomationWithAWaitModifierGivenTwiceFailsTheDeployment() {
        List<String> severe = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    StringWriter text = new StringWriter().append(formatter.formatMessage(record));
                    if (record.getThrown() != null) {
                        record.getThrown().printStackTrace(new PrintWriter(text));
                    }
                    severe.add(text.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            deployer.deploy(BROKEN);
        } catch (RuntimeException expectedByOtherAdapters) {
            severe.add(expectedByOtherAdapters.toString());
        } finally {
            root.removeHandler(capture);
        }

        assertThat(severe).anySatisfy(line -> assertThat(line)
                .contains("CDI definition failure")
                .contains("Automation " + BrokenAutomation.class.getName()
                        + ", node 'remind': afterWaitingFor(...) is given twice; give it once"));
    }
}

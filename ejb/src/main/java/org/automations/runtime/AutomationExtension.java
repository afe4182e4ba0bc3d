package org.automations.runtime;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.lang.reflect.Modifier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationRegistry;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;

/**
 * Finds the automation classes of the deployment, checks each (an invalid one fails the
 * deployment with the engine's message), and registers an observer for every event type an
 * automation is {@code @StartedBy}.
 */
public class AutomationExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(AutomationExtension.class.getName());

    private final Set<Class<? extends Automation>> found = new LinkedHashSet<>();
    private final AutomationRegistry registry = new AutomationRegistry();
    private volatile AutomationService automationService;

    void collect(@Observes ProcessAnnotatedType<? extends Automation> type) {
        Class<? extends Automation> javaClass = type.getAnnotatedType().getJavaClass();
        if (!Modifier.isAbstract(javaClass.getModifiers()) && javaClass != Automation.class) {
            found.add(javaClass);
        }
    }

    void register(@Observes AfterBeanDiscovery discovery) {
        for (Class<? extends Automation> type : found) {
            AutomationDefinition definition;
            try {
                definition = registry.register(type);
            } catch (AutomationDefinitionException e) {
                discovery.addDefinitionError(e);
                continue;
            }
            for (Class<?> eventType : definition.startingEvents()) {
                discovery.addObserverMethod()
                        .beanClass(type)
                        .observedType(eventType)
                        .notifyWith(context -> automationService().startOnEvent(type, context.getEvent()));
            }
            LOG.info(() -> "Automation " + type.getName() + " (" + definition.verboseName() + ") with "
                    + definition.nodes().size() + " nodes is deployed");
        }
    }

    /**
     * The engine's service, by its portable JNDI name: the event may be fired from any module of
     * the application, and neither {@code CDI.current()} nor the extension's bean manager resolve
     * the engine's beans from every module of an EAR.
     */
    private AutomationService automationService() {
        AutomationService service = automationService;
        if (service == null) {
            try {
                service = (AutomationService) new InitialContext().lookup(AutomationService.JNDI_NAME);
            } catch (NamingException e) {
                throw new IllegalStateException("The automation engine is not available at " + AutomationService.JNDI_NAME, e);
            }
            automationService = service;
        }
        return service;
    }

    /** The automations of this deployment. */
    public AutomationRegistry registry() {
        return registry;
    }
}

package org.automations.web.tasks;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Constructor;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition;
import org.automations.flow.Automation;
import org.automations.flow.Form;
import org.automations.runtime.AutomationService;

/**
 * Declares every group and permission that a deployed form names as a security role of the web
 * module ({@code ServletContext.declareRoles}), so that, with the server's default
 * principal-to-role mapping, {@code isCallerInRole("sales")} answers for the identity store's group
 * {@code sales} in every request. Without the declaration, Payara 6 answers {@code false} for
 * groups that are no declared roles, and in the first request after a form login its subject does
 * not list the group principals either (see {@link CallerProvider}).
 */
@WebListener
public class TaskRolesDeclaration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TaskRolesDeclaration.class.getName());

    @EJB
    AutomationService automations;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Set<String> roles = new TreeSet<>();
        for (AutomationDefinition definition : automations.automations()) {
            roles.addAll(formRoles(definition));
        }
        if (!roles.isEmpty()) {
            event.getServletContext().declareRoles(roles.toArray(String[]::new));
            LOG.info("Form groups and permissions declared as roles: " + roles);
        }
    }

    /** The groups and permissions of the automation's forms, read from a plain (not injected) object. */
    static Set<String> formRoles(AutomationDefinition definition) {
        Set<String> roles = new TreeSet<>();
        try {
            Constructor<? extends Automation> constructor = definition.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            Automation automation = constructor.newInstance();
            for (AutomationDefinition.NodeDefinition node : definition.nodes()) {
                if (node.nodeOf(automation) instanceof Form form) {
                    if (form.getGroup() != null) {
                        roles.add(form.getGroup());
                    }
                    roles.addAll(form.getPermissions());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the forms of " + definition.className(), e);
        }
        return roles;
    }
}

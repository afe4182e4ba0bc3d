package org.automations.web.pages;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.automations.engine.AutomationDefinition;
import org.automations.persistence.AutomationModel;
import org.automations.persistence.AutomationTaskModel;
import org.automations.runtime.AutomationService;

/** Backs the list of automation instances with their state and tasks (under /admin/, administrators only). */
@Named
@RequestScoped
public class AutomationsPage {

    /** One instance as the page shows it. */
    public record Row(AutomationModel instance, String verboseName, List<AutomationTaskModel> tasks) {
    }

    private static final int LIMIT = 50;

    @EJB
    AutomationService automations;

    private List<Row> instances;

    public List<Row> getInstances() {
        if (instances == null) {
            instances = automations.newest(LIMIT).stream().map(this::row).toList();
        }
        return instances;
    }

    public int getLimit() {
        return LIMIT;
    }

    private Row row(AutomationModel instance) {
        AutomationDefinition definition = automations.automation(instance.getAutomationClass());
        String name = definition != null ? definition.verboseName() : "Obsolete automation " + instance.getAutomationClass();
        return new Row(instance, name, automations.tasks(instance.getId()));
    }
}

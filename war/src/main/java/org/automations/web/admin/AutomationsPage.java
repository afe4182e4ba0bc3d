package org.automations.web.admin;

import jakarta.annotation.PostConstruct;
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

    /** One instance as the page shows it; {@code verboseName} is {@code null} for a class no longer deployed. */
    public record Row(AutomationModel instance, String verboseName, List<AutomationTaskModel> tasks) {
    }

    private static final int LIMIT = 50;

    @EJB
    AutomationService automations;

    private List<Row> instances = List.of();

    @PostConstruct
    void load() {
        if (AdminAccess.require()) {
            instances = automations.newest(LIMIT).stream().map(this::row).toList();
        }
    }

    public List<Row> getInstances() {
        return instances;
    }

    public int getLimit() {
        return LIMIT;
    }

    private Row row(AutomationModel instance) {
        AutomationDefinition definition = automations.automation(instance.getAutomationClass());
        return new Row(instance, definition != null ? definition.verboseName() : null, automations.tasks(instance.getId()));
    }
}

package org.automations.web.components;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Map;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.Json;
import org.automations.persistence.AutomationModel;
import org.automations.runtime.AutomationService;

/**
 * Backs {@code <atm:status key="..."/>}: the instance with that key and the status template its
 * automation declares ({@code @Meta(statusTemplates = ...)}).
 */
@Named("automationStatus")
@RequestScoped
public class AutomationStatus {

    @EJB
    AutomationService automations;

    private final Map<String, AutomationModel> byKey = new java.util.HashMap<>();

    /** The instance with that key, or {@code null} for an unknown or empty key (read once per request). */
    public AutomationModel instance(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return byKey.computeIfAbsent(key, automations::findByKey);
    }

    /** The automation of the instance, or {@code null} if it is not deployed any more. */
    public AutomationDefinition automation(AutomationModel instance) {
        return instance == null ? null : automations.automation(instance.getAutomationClass());
    }

    /** The instance's data. */
    public Map<String, Object> data(AutomationModel instance) {
        return instance == null ? Map.of() : Json.readMap(instance.getData());
    }

    /**
     * The Facelets template of the named status view, or the first one when no name is given;
     * {@code null} when the automation declares none.
     */
    public String template(AutomationModel instance, String name) {
        AutomationDefinition definition = automation(instance);
        if (definition == null || definition.statusTemplates().isEmpty()) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return definition.statusTemplates().values().iterator().next();
        }
        return definition.statusTemplates().get(name);
    }
}
